// Generated from openapi/callplane.yaml by sdk/scripts/generate.ts. Do not edit by hand:
// change the spec and run `pnpm generate`.
/* eslint-disable */
import {
  array, boolean, enumOf, extend, gte, int, lte, maxLength, minLength, multipleOf, nullable, number, object,
  optional, regex, string, unknownObject, type ObjectSchema, type Schema,
} from "../validation/schema.js";
import { dateTime, email, ianaTimeZone, namedRules } from "../validation/rules.js";
import type { components } from "./openapi.js";

type S = components["schemas"];

/** Who did something. */
export const Actor: ObjectSchema<S["Actor"]> = object({
  /** What kind of credential acted. */
  type: enumOf(["user","apiToken","tenantApiKey","platform","system"]),
  /** The user's or token's id; null for the tenant API key, the platform and the system. */
  id: nullable(string),
  /** A display name. */
  name: string,
});

/** An RFC 3339 instant in UTC. */
export const Timestamp: Schema<S["Timestamp"]> = dateTime;

/** A freshly rotated tenant API key, returned once. */
export const ApiKeyRotation: ObjectSchema<S["ApiKeyRotation"]> = object({
  /** The new key. Treat it as a password. */
  apiKey: string,
  /** The new key, masked, as it is shown from now on. */
  apiKeyMasked: string,
  rotatedAt: Timestamp,
});

/** An object's id. */
export const Id: Schema<S["Id"]> = string.check(minLength(1, "must not be empty"), maxLength(64, "must be 1 to 64 characters"), regex(/^[A-Za-z0-9_-]+$/, "must contain only letters, digits, _ and -"));

/** `read` tokens may only read; `write` tokens may also change settings, if their owner may. */
export const TokenScope: Schema<S["TokenScope"]> = enumOf(["read","write"]);

/** A personal API token. Its value is shown only at creation. */
export const ApiToken: ObjectSchema<S["ApiToken"]> = object({
  id: Id,
  /** What the token is for. */
  name: string.check(minLength(1, "must not be empty"), maxLength(100, "must be 1 to 100 characters")),
  scope: TokenScope,
  /** The token, masked. */
  tokenMasked: string,
  owner: Actor,
  /** When the token stops working; null for never. */
  expiresAt: nullable(Timestamp),
  /** When the token was last used; null if never. */
  lastUsedAt: nullable(Timestamp),
  createdAt: Timestamp,
});

/** A new personal API token. */
export const ApiTokenCreate: ObjectSchema<S["ApiTokenCreate"]> = object({
  /** What the token is for. */
  name: string.check(minLength(1, "must not be empty"), maxLength(100, "must be 1 to 100 characters")),
  scope: TokenScope,
  /** When the token stops working; never when left out or null. */
  expiresAt: optional(nullable(Timestamp)),
}, true);

/** Pass as `cursor` to read the next page; null on the last page. */
export const NextCursor: Schema<S["NextCursor"]> = nullable(string);

/** One page of API tokens. */
export const ApiTokenList: ObjectSchema<S["ApiTokenList"]> = object({
  /** The tokens on this page. */
  data: array(ApiToken),
  nextCursor: NextCursor,
});

/** An API token with its value, returned once. */
export const ApiTokenWithSecret: ObjectSchema<S["ApiTokenWithSecret"]> = extend(ApiToken, {
  /** The token. Treat it as a password. */
  token: string,
});

/** The kind of object an audit event is about. */
export const ResourceType: Schema<S["ResourceType"]> = enumOf(["tenant","environment","concurrency","user","invitation","apiToken","session"]);

/** One recorded change. */
export const AuditEvent: ObjectSchema<S["AuditEvent"]> = object({
  id: Id,
  occurredAt: Timestamp,
  actor: Actor,
  /** Through what the change was made. */
  source: enumOf(["console","api","terraform","sdk"]),
  /** What happened, as `<resourceType>.<verb>`, e.g. `environment.update`. */
  action: string.check(regex(/^[A-Za-z]+\.[A-Za-z]+$/, "must look like resourceType.verb")),
  resourceType: ResourceType,
  /** The object changed; null for the concurrency split. */
  resourceId: nullable(string),
  /** The object's fields before the change (secrets redacted); null for a creation. */
  before: nullable(unknownObject),
  /** The object's fields after the change (secrets redacted); null for a deletion. */
  after: nullable(unknownObject),
  /** The request that made the change. */
  requestId: nullable(string),
});

/** One page of audit events. */
export const AuditEventList: ObjectSchema<S["AuditEventList"]> = object({
  /** The events on this page. */
  data: array(AuditEvent),
  nextCursor: NextCursor,
});

/** The most concurrent calls the tenant's plan allows, split across its environments. */
export const PlanLimit: Schema<S["PlanLimit"]> = int.check(gte(0, "must be between 0 and 1000000"), lte(1000000, "must be between 0 and 1000000"));

/** Unique within the tenant. Letters, digits, spaces, `_`, `.` and `-`, starting with a letter or digit. */
export const EnvironmentName: Schema<S["EnvironmentName"]> = string.check(minLength(1, "must not be empty"), maxLength(64, "must be 1 to 64 characters"), regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, "must start with a letter or digit and contain only letters, digits, spaces, _, . and -"));

/** The most calls the environment may have at once. Within the plan limit. */
export const MaxConcurrentCalls: Schema<S["MaxConcurrentCalls"]> = int.check(gte(0, "must be between 0 and 1000000"), lte(1000000, "must be between 0 and 1000000"));

/** One environment's share of the plan limit. */
export const ConcurrencyAllocation: ObjectSchema<S["ConcurrencyAllocation"]> = object({
  environmentId: Id,
  environmentName: EnvironmentName,
  maxConcurrentCalls: MaxConcurrentCalls,
});

/** How the plan limit is split across environments. */
export const Concurrency: ObjectSchema<S["Concurrency"]> = object({
  planLimit: PlanLimit,
  /** The sum of every environment's `maxConcurrentCalls`. */
  allocated: int.check(gte(0, "must be 0 or more")),
  /** What is left of the plan limit. */
  available: int.check(gte(0, "must be 0 or more")),
  /** Every environment, hidden ones included, oldest first. */
  allocations: array(ConcurrencyAllocation),
});

/** One environment's new allocation. */
export const ConcurrencyAllocationUpdate: ObjectSchema<S["ConcurrencyAllocationUpdate"]> = object({
  environmentId: Id,
  maxConcurrentCalls: MaxConcurrentCalls,
}, true);

/** New allocations, applied all at once. Each environment at most once. */
export const ConcurrencyUpdate: ObjectSchema<S["ConcurrencyUpdate"]> = object({
  /** The environments to change and their new `maxConcurrentCalls`. */
  allocations: array(ConcurrencyAllocationUpdate).check(minLength(1, "must have at least 1 item"), maxLength(1000, "must have at most 1000 items")),
}, true);

/** The country. */
export const Country: Schema<S["Country"]> = nullable(string.check(maxLength(100, "must be at most 100 characters")));

/** An email address. */
export const Email: Schema<S["Email"]> = email.check(maxLength(254, "must be at most 254 characters"));

/** A workspace inside the tenant, e.g. `default`, `staging`, `production`. */
export const Environment: ObjectSchema<S["Environment"]> = object({
  id: Id,
  name: EnvironmentName,
  maxConcurrentCalls: MaxConcurrentCalls,
  /** Hidden environments are not offered in the switcher but still exist and can be managed. */
  hidden: boolean,
  /** While true, the environment cannot be deleted. */
  deletionProtection: boolean,
  /** The environment's API key, masked. The full key is shown only at creation and rotation. */
  apiKeyMasked: string,
  createdAt: Timestamp,
  modifiedAt: Timestamp,
});

/** A new environment. */
export const EnvironmentCreate: ObjectSchema<S["EnvironmentCreate"]> = object({
  name: EnvironmentName,
  maxConcurrentCalls: optional(MaxConcurrentCalls),
  /** Leave the environment out of the switcher. */
  hidden: optional(boolean),
  /** Refuse deletion while true. */
  deletionProtection: optional(boolean),
}, true);

/** One page of environments. */
export const EnvironmentList: ObjectSchema<S["EnvironmentList"]> = object({
  /** The environments on this page. */
  data: array(Environment),
  nextCursor: NextCursor,
});

/** The fields to change. */
export const EnvironmentUpdate: Schema<S["EnvironmentUpdate"]> = object({
  name: optional(EnvironmentName),
  maxConcurrentCalls: optional(MaxConcurrentCalls),
  /** Leave the environment out of the switcher. */
  hidden: optional(boolean),
  /** Refuse deletion while true. */
  deletionProtection: optional(boolean),
}, true).check(namedRules.notEmpty);

/** An environment with its API key, returned once. */
export const EnvironmentWithApiKey: ObjectSchema<S["EnvironmentWithApiKey"]> = extend(Environment, {
  /** The environment's API key. Treat it as a password. */
  apiKey: string,
});

/** One offending field. */
export const FieldError: ObjectSchema<S["FieldError"]> = object({
  /** Where the field is, e.g. `allocations[1].maxConcurrentCalls`. Empty for the body as a whole. */
  path: string,
  /** What is wrong with it. */
  message: string,
});

/** `admin`: full configuration, manages users and the tenant. `member`: works with agents,
 * no configuration. `operator`: answers live conversations, has an operator schedule.
 * `viewer`: read-only. */
export const Role: Schema<S["Role"]> = enumOf(["admin","member","operator","viewer"]);

/** Where an invitation stands. */
export const InvitationStatus: Schema<S["InvitationStatus"]> = enumOf(["pending","accepted","expired","revoked"]);

/** An invitation to join the tenant with a role. */
export const Invitation: ObjectSchema<S["Invitation"]> = object({
  id: Id,
  email: Email,
  role: Role,
  status: InvitationStatus,
  invitedBy: Actor,
  expiresAt: Timestamp,
  createdAt: Timestamp,
});

/** The user's display name. */
export const UserName: Schema<S["UserName"]> = string.check(minLength(1, "must not be empty"), maxLength(100, "must be 1 to 100 characters"));

/** An initial password. Never returned, never logged. */
export const Password: Schema<S["Password"]> = string.check(minLength(8, "must be 8 to 128 characters"), maxLength(128, "must be 8 to 128 characters"));

/** Accepting an invitation. */
export const InvitationAccept: ObjectSchema<S["InvitationAccept"]> = object({
  /** The invitation's secret. */
  secret: string.check(minLength(1, "must not be empty"), maxLength(256, "must be 1 to 256 characters")),
  name: UserName,
  password: optional(Password),
}, true);

/** An IANA time zone name such as `Europe/Berlin` or `UTC`. */
export const TimeZone: Schema<S["TimeZone"]> = string.check(minLength(1, "must not be empty"), maxLength(64, "must be 1 to 64 characters"), regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, "must be an IANA time zone such as Europe/Berlin"), ianaTimeZone);

/** A day of the week. */
export const Weekday: Schema<S["Weekday"]> = enumOf(["monday","tuesday","wednesday","thursday","friday","saturday","sunday"]);

/** One working period on one weekday, in whole or quarter hours. `startHour` is before `endHour`. */
export const ScheduleRange: Schema<S["ScheduleRange"]> = object({
  day: Weekday,
  /** Start, in hours from midnight (0–24). */
  startHour: number.check(gte(0, "must be between 0 and 24"), lte(24, "must be between 0 and 24"), multipleOf(0.25, "must be a multiple of 0.25")),
  /** End, in hours from midnight (0–24). After `startHour`. */
  endHour: number.check(gte(0, "must be between 0 and 24"), lte(24, "must be between 0 and 24"), multipleOf(0.25, "must be a multiple of 0.25")),
}, true).check(namedRules.startBeforeEnd);

/** When an operator works. `ranges` are stored in UTC; `timezone` is the zone they were
 * entered in, used to show them back in local time. The SDK's schedule helpers convert
 * both ways, across midnight and daylight-saving changes. */
export const OperatorSchedule: ObjectSchema<S["OperatorSchedule"]> = object({
  timezone: TimeZone,
  /** Working periods in UTC. */
  ranges: array(ScheduleRange).check(maxLength(100, "must have at most 100 items")),
}, true);

/** A person in the tenant. Users see every environment. */
export const User: ObjectSchema<S["User"]> = object({
  id: Id,
  name: UserName,
  email: Email,
  role: Role,
  /** Only operators have one; null otherwise. */
  operatorSchedule: nullable(OperatorSchedule),
  createdAt: Timestamp,
  modifiedAt: Timestamp,
});

/** A signed-in user's session. */
export const Session: ObjectSchema<S["Session"]> = object({
  id: Id,
  expiresAt: Timestamp,
  createdAt: Timestamp,
  user: User,
});

/** A new session with its token, returned once. Send the token as `Authorization: Bearer <token>`. */
export const SessionWithToken: ObjectSchema<S["SessionWithToken"]> = extend(Session, {
  /** The session token (`cps_…`). Treat it as a password. */
  token: string,
});

/** The user an accepted invitation created, signed in. */
export const InvitationAcceptance: ObjectSchema<S["InvitationAcceptance"]> = extend(User, {
  session: SessionWithToken,
});

/** A new invitation. */
export const InvitationCreate: ObjectSchema<S["InvitationCreate"]> = object({
  email: Email,
  role: Role,
  /** Days until the invitation expires. The server's default (7) when left out. */
  expiresInDays: optional(int.check(gte(1, "must be between 1 and 90"), lte(90, "must be between 1 and 90"))),
}, true);

/** One page of invitations. */
export const InvitationList: ObjectSchema<S["InvitationList"]> = object({
  /** The invitations on this page. */
  data: array(Invitation),
  nextCursor: NextCursor,
});

/** How long the renewed invitation lasts. */
export const InvitationRenew: ObjectSchema<S["InvitationRenew"]> = object({
  /** Days from now until it expires. The server's default (7) when left out. */
  expiresInDays: optional(int.check(gte(1, "must be between 1 and 90"), lte(90, "must be between 1 and 90"))),
}, true);

/** An invitation with its acceptance secret, returned once. */
export const InvitationWithSecret: ObjectSchema<S["InvitationWithSecret"]> = extend(Invitation, {
  /** What the invitee sends to accept. Treat it as a password. */
  secret: string,
});

/** Where the logo is served from. Must start with `http://` or `https://`. */
export const LogoUrl: Schema<S["LogoUrl"]> = nullable(string.check(maxLength(2048, "must be at most 2048 characters"), regex(/^https?:\/\/\S+$/, "must start with http:// or https://")));

/** Calls that take no body accept none, or this empty object. */
export const NoBody: ObjectSchema<S["NoBody"]> = object({

}, true);

/** A contact number, 7 to 15 digits with an optional leading `+`. */
export const Phone: Schema<S["Phone"]> = nullable(string.check(regex(/^\+?[0-9]{7,15}$/, "must be 7 to 15 digits with an optional leading +")));

/** The organisation's name. At least 3 characters. */
export const TenantName: Schema<S["TenantName"]> = string.check(minLength(3, "must be 3 to 100 characters"), maxLength(100, "must be 3 to 100 characters"));

/** A short description. */
export const TenantDescription: Schema<S["TenantDescription"]> = nullable(string.check(maxLength(500, "must be at most 500 characters")));

/** The mailing address. */
export const Street: Schema<S["Street"]> = nullable(string.check(maxLength(200, "must be at most 200 characters")));

/** The postal code, 3 to 10 characters. */
export const ZipCode: Schema<S["ZipCode"]> = nullable(string.check(minLength(3, "must be 3 to 10 characters"), maxLength(10, "must be 3 to 10 characters")));

/** The company website. Must start with `http://` or `https://`. */
export const Website: Schema<S["Website"]> = nullable(string.check(maxLength(2048, "must be at most 2048 characters"), regex(/^https?:\/\/\S+$/, "must start with http:// or https://")));

/** The fields of any tenant a platform administrator changes, the plan limit and the
 * read-only flag included. `null` clears an optional field. Read-only tenants can be edited
 * here (that is how they are made writable again). */
export const PlatformTenantUpdate: Schema<S["PlatformTenantUpdate"]> = object({
  name: optional(TenantName),
  description: optional(TenantDescription),
  phone: optional(Phone),
  billingEmail: optional(Email),
  country: optional(Country),
  street: optional(Street),
  zipCode: optional(ZipCode),
  website: optional(Website),
  timezone: optional(nullable(TimeZone)),
  logoUrl: optional(LogoUrl),
  planLimit: optional(PlanLimit),
  /** Read-only tenants refuse every change their own credentials make. */
  readOnly: optional(boolean),
}, true).check(namedRules.notEmpty);

/** An RFC 9457 problem detail, with the offending fields. */
export const Problem: ObjectSchema<S["Problem"]> = object({
  /** A URI naming the kind of problem. */
  type: string,
  /** A short, stable summary of the kind of problem. */
  title: string,
  /** The HTTP status code. */
  status: int.check(gte(100, "must be between 100 and 599"), lte(599, "must be between 100 and 599")),
  /** What went wrong this time, for people. */
  detail: optional(string),
  /** The request path. */
  instance: optional(string),
  /** Same as the `X-Request-Id` header. */
  requestId: optional(string),
  /** Every offending field. Empty when the problem is not about fields. */
  errors: array(FieldError),
});

/** A user's email and password, to sign in. */
export const SessionCreate: ObjectSchema<S["SessionCreate"]> = object({
  email: Email,
  /** The user's password. Never returned, never logged. */
  password: string.check(minLength(1, "must not be empty"), maxLength(128, "must be 1 to 128 characters")),
  /** Only needed when the same email and password belong to users of several tenants. */
  tenantId: optional(Id),
}, true);

/** A new tenant and its first user, who becomes its admin. */
export const SignUp: ObjectSchema<S["SignUp"]> = object({
  tenantName: TenantName,
  name: UserName,
  email: Email,
  password: Password,
}, true);

/** An organisation's workspace. Holds everything else. */
export const Tenant: ObjectSchema<S["Tenant"]> = object({
  id: Id,
  name: TenantName,
  description: TenantDescription,
  phone: Phone,
  billingEmail: Email,
  country: Country,
  street: Street,
  zipCode: ZipCode,
  website: Website,
  timezone: nullable(TimeZone),
  logoUrl: LogoUrl,
  planLimit: PlanLimit,
  /** Read-only tenants refuse every edit. */
  readOnly: boolean,
  /** The tenant API key, masked. */
  apiKeyMasked: string,
  createdAt: Timestamp,
  modifiedAt: Timestamp,
});

/** The new tenant and a session for its first admin. */
export const SignedUp: ObjectSchema<S["SignedUp"]> = object({
  tenant: Tenant,
  session: SessionWithToken,
});

/** A new tenant. Platform administrators only. */
export const TenantCreate: ObjectSchema<S["TenantCreate"]> = object({
  name: TenantName,
  description: optional(TenantDescription),
  phone: optional(Phone),
  billingEmail: Email,
  country: optional(Country),
  street: optional(Street),
  zipCode: optional(ZipCode),
  website: optional(Website),
  timezone: optional(nullable(TimeZone)),
  logoUrl: optional(LogoUrl),
  planLimit: PlanLimit,
  /** Create the tenant read-only. */
  readOnly: optional(boolean),
}, true);

/** One page of tenants. */
export const TenantList: ObjectSchema<S["TenantList"]> = object({
  /** The tenants on this page. */
  data: array(Tenant),
  nextCursor: NextCursor,
});

/** The fields to change. `null` clears an optional field. */
export const TenantUpdate: Schema<S["TenantUpdate"]> = object({
  name: optional(TenantName),
  description: optional(TenantDescription),
  phone: optional(Phone),
  billingEmail: optional(Email),
  country: optional(Country),
  street: optional(Street),
  zipCode: optional(ZipCode),
  website: optional(Website),
  timezone: optional(nullable(TimeZone)),
  logoUrl: optional(LogoUrl),
}, true).check(namedRules.notEmpty);

/** A tenant with its API key, returned once. */
export const TenantWithApiKey: ObjectSchema<S["TenantWithApiKey"]> = extend(Tenant, {
  /** The tenant API key. Treat it as a password. */
  apiKey: string,
});

/** A new user. Email and password cannot be changed later. */
export const UserCreate: ObjectSchema<S["UserCreate"]> = object({
  name: UserName,
  email: Email,
  role: Role,
  password: optional(Password),
  /** Only for operators. */
  operatorSchedule: optional(nullable(OperatorSchedule)),
}, true);

/** One page of users. */
export const UserList: ObjectSchema<S["UserList"]> = object({
  /** The users on this page. */
  data: array(User),
  nextCursor: NextCursor,
});

/** The fields to change. Email and password cannot be changed. */
export const UserUpdate: Schema<S["UserUpdate"]> = object({
  name: optional(UserName),
  role: optional(Role),
  /** Only for operators; null removes it. */
  operatorSchedule: optional(nullable(OperatorSchedule)),
}, true).check(namedRules.notEmpty);

/** The schema of each operation's JSON request body, by operationId (undefined: no body). */
export const requestSchemas = {
  getTenant: undefined,
  updateTenant: TenantUpdate,
  rotateTenantApiKey: NoBody,
  listTenants: undefined,
  createTenant: TenantCreate,
  getPlatformTenant: undefined,
  updatePlatformTenant: PlatformTenantUpdate,
  deletePlatformTenant: undefined,
  rotatePlatformTenantApiKey: NoBody,
  listEnvironments: undefined,
  createEnvironment: EnvironmentCreate,
  getEnvironment: undefined,
  updateEnvironment: EnvironmentUpdate,
  deleteEnvironment: undefined,
  rotateEnvironmentApiKey: NoBody,
  getConcurrency: undefined,
  setConcurrency: ConcurrencyUpdate,
  listUsers: undefined,
  createUser: UserCreate,
  getUser: undefined,
  updateUser: UserUpdate,
  deleteUser: undefined,
  listInvitations: undefined,
  createInvitation: InvitationCreate,
  acceptInvitation: InvitationAccept,
  getInvitation: undefined,
  revokeInvitation: undefined,
  renewInvitation: InvitationRenew,
  listAuditEvents: undefined,
  listApiTokens: undefined,
  createApiToken: ApiTokenCreate,
  revokeApiToken: undefined,
  createSession: SessionCreate,
  getCurrentSession: undefined,
  deleteCurrentSession: undefined,
  signUp: SignUp,
} as const;

/** The schema of each operation's successful JSON response, by operationId (undefined: no body). */
export const responseSchemas = {
  getTenant: Tenant,
  updateTenant: Tenant,
  rotateTenantApiKey: ApiKeyRotation,
  listTenants: TenantList,
  createTenant: TenantWithApiKey,
  getPlatformTenant: Tenant,
  updatePlatformTenant: Tenant,
  deletePlatformTenant: undefined,
  rotatePlatformTenantApiKey: TenantWithApiKey,
  listEnvironments: EnvironmentList,
  createEnvironment: EnvironmentWithApiKey,
  getEnvironment: Environment,
  updateEnvironment: Environment,
  deleteEnvironment: undefined,
  rotateEnvironmentApiKey: EnvironmentWithApiKey,
  getConcurrency: Concurrency,
  setConcurrency: Concurrency,
  listUsers: UserList,
  createUser: User,
  getUser: User,
  updateUser: User,
  deleteUser: undefined,
  listInvitations: InvitationList,
  createInvitation: InvitationWithSecret,
  acceptInvitation: InvitationAcceptance,
  getInvitation: Invitation,
  revokeInvitation: Invitation,
  renewInvitation: InvitationWithSecret,
  listAuditEvents: AuditEventList,
  listApiTokens: ApiTokenList,
  createApiToken: ApiTokenWithSecret,
  revokeApiToken: undefined,
  createSession: SessionWithToken,
  getCurrentSession: Session,
  deleteCurrentSession: undefined,
  signUp: SignedUp,
} as const;
