/** Named types for the API's objects, generated from the spec (see `generated/openapi.ts`). */
import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];
type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]["parameters"]["query"]>;

export type Tenant = Schemas["Tenant"];
export type TenantWithApiKey = Schemas["TenantWithApiKey"];
export type TenantCreate = Schemas["TenantCreate"];
export type TenantUpdate = Schemas["TenantUpdate"];
export type ApiKeyRotation = Schemas["ApiKeyRotation"];
export type Environment = Schemas["Environment"];
export type EnvironmentWithApiKey = Schemas["EnvironmentWithApiKey"];
export type EnvironmentCreate = Schemas["EnvironmentCreate"];
export type EnvironmentUpdate = Schemas["EnvironmentUpdate"];
export type Concurrency = Schemas["Concurrency"];
export type ConcurrencyAllocation = Schemas["ConcurrencyAllocation"];
export type ConcurrencyUpdate = Schemas["ConcurrencyUpdate"];
export type User = Schemas["User"];
export type UserCreate = Schemas["UserCreate"];
export type UserUpdate = Schemas["UserUpdate"];
export type Role = Schemas["Role"];
export type Invitation = Schemas["Invitation"];
export type InvitationWithSecret = Schemas["InvitationWithSecret"];
export type InvitationCreate = Schemas["InvitationCreate"];
export type InvitationRenew = Schemas["InvitationRenew"];
export type InvitationAccept = Schemas["InvitationAccept"];
export type InvitationStatus = Schemas["InvitationStatus"];
export type AuditEvent = Schemas["AuditEvent"];
export type ApiToken = Schemas["ApiToken"];
export type ApiTokenWithSecret = Schemas["ApiTokenWithSecret"];
export type ApiTokenCreate = Schemas["ApiTokenCreate"];
export type Session = Schemas["Session"];
export type SessionWithToken = Schemas["SessionWithToken"];
export type SessionCreate = Schemas["SessionCreate"];
export type SignUp = Schemas["SignUp"];
export type SignedUp = Schemas["SignedUp"];
export type InvitationAcceptance = Schemas["InvitationAcceptance"];
export type Actor = Schemas["Actor"];
export type Problem = Schemas["Problem"];

export type ListTenantsQuery = QueryOf<"listTenants">;
export type ListEnvironmentsQuery = QueryOf<"listEnvironments">;
export type ListUsersQuery = QueryOf<"listUsers">;
export type ListInvitationsQuery = QueryOf<"listInvitations">;
export type ListAuditEventsQuery = QueryOf<"listAuditEvents">;
export type ListApiTokensQuery = QueryOf<"listApiTokens">;

export type { components, operations, paths } from "./generated/openapi.js";
