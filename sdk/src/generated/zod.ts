// Generated from openapi/callplane.yaml by sdk/scripts/generate.ts. Do not edit by hand:
// change the spec and run `pnpm generate`.
/* eslint-disable */
import * as z from "zod/mini";
import { expected, ianaTimeZone, namedRules, strictKeys } from "../validation/rules.js";

const string = z.string({ error: expected("a string") });
const int = z.int({ error: expected("a whole number") });
const number = z.number({ error: expected("a number") });
const boolean = z.boolean({ error: expected("true or false") });

/** Who did something. */
export const Actor = z.looseObject({
  /** What kind of credential acted. */
  type: z.enum(["user","apiToken","tenantApiKey","platform","system"], { error: expected("one of user, apiToken, tenantApiKey, platform, system") }),
  /** The user's or token's id; null for the tenant API key, the platform and the system. */
  id: z.nullable(string),
  /** A display name. */
  name: string,
}, { error: expected("an object") });

/** An RFC 3339 instant in UTC. */
export const Timestamp = z.iso.datetime({ offset: true, error: expected("an RFC 3339 date-time such as 2026-11-20T09:30:00Z") });

/** A freshly rotated tenant API key, returned once. */
export const ApiKeyRotation = z.looseObject({
  /** The new key. Treat it as a password. */
  apiKey: string,
  /** The new key, masked, as it is shown from now on. */
  apiKeyMasked: string,
  rotatedAt: Timestamp,
}, { error: expected("an object") });

/** An object's id. */
export const Id = string.check(z.minLength(1, "must not be empty"), z.maxLength(64, "must be 1 to 64 characters"), z.regex(/^[A-Za-z0-9_-]+$/, "must contain only letters, digits, _ and -"));

/** `read` tokens may only read; `write` tokens may also change settings, if their owner may. */
export const TokenScope = z.enum(["read","write"], { error: expected("one of read, write") });

/** A personal API token. Its value is shown only at creation. */
export const ApiToken = z.looseObject({
  id: Id,
  /** What the token is for. */
  name: string.check(z.minLength(1, "must not be empty"), z.maxLength(100, "must be 1 to 100 characters")),
  scope: TokenScope,
  /** The token, masked. */
  tokenMasked: string,
  owner: Actor,
  /** When the token stops working; null for never. */
  expiresAt: z.nullable(Timestamp),
  /** When the token was last used; null if never. */
  lastUsedAt: z.nullable(Timestamp),
  createdAt: Timestamp,
}, { error: expected("an object") });

/** A new personal API token. */
export const ApiTokenCreate = z.strictObject({
  /** What the token is for. */
  name: string.check(z.minLength(1, "must not be empty"), z.maxLength(100, "must be 1 to 100 characters")),
  scope: TokenScope,
  /** When the token stops working; never when left out or null. */
  expiresAt: z.optional(z.nullable(Timestamp)),
}, { error: strictKeys });

/** Pass as `cursor` to read the next page; null on the last page. */
export const NextCursor = z.nullable(string);

/** One page of API tokens. */
export const ApiTokenList = z.looseObject({
  /** The tokens on this page. */
  data: z.array(ApiToken, { error: expected("a list") }),
  nextCursor: NextCursor,
}, { error: expected("an object") });

/** An API token with its value, returned once. */
export const ApiTokenWithSecret = z.extend(ApiToken, {
  /** The token. Treat it as a password. */
  token: string,
});

/** The kind of object an audit event is about. */
export const ResourceType = z.enum(["tenant","environment","concurrency","user","invitation","apiToken","session"], { error: expected("one of tenant, environment, concurrency, user, invitation, apiToken, session") });

/** One recorded change. */
export const AuditEvent = z.looseObject({
  id: Id,
  occurredAt: Timestamp,
  actor: Actor,
  /** Through what the change was made. */
  source: z.enum(["console","api","terraform","sdk"], { error: expected("one of console, api, terraform, sdk") }),
  /** What happened, as `<resourceType>.<verb>`, e.g. `environment.update`. */
  action: string.check(z.regex(/^[A-Za-z]+\.[A-Za-z]+$/, "must look like resourceType.verb")),
  resourceType: ResourceType,
  /** The object changed; null for the concurrency split. */
  resourceId: z.nullable(string),
  /** The object's fields before the change (secrets redacted); null for a creation. */
  before: z.nullable(z.record(z.string(), z.unknown(), { error: expected("an object") })),
  /** The object's fields after the change (secrets redacted); null for a deletion. */
  after: z.nullable(z.record(z.string(), z.unknown(), { error: expected("an object") })),
  /** The request that made the change. */
  requestId: z.nullable(string),
}, { error: expected("an object") });

/** One page of audit events. */
export const AuditEventList = z.looseObject({
  /** The events on this page. */
  data: z.array(AuditEvent, { error: expected("a list") }),
  nextCursor: NextCursor,
}, { error: expected("an object") });

/** The most concurrent calls the tenant's plan allows, split across its environments. */
export const PlanLimit = int.check(z.gte(0, "must be between 0 and 1000000"), z.lte(1000000, "must be between 0 and 1000000"));

/** Unique within the tenant. Letters, digits, spaces, `_`, `.` and `-`, starting with a letter or digit. */
export const EnvironmentName = string.check(z.minLength(1, "must not be empty"), z.maxLength(64, "must be 1 to 64 characters"), z.regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]*$/, "must start with a letter or digit and contain only letters, digits, spaces, _, . and -"));

/** The most calls the environment may have at once. Within the plan limit. */
export const MaxConcurrentCalls = int.check(z.gte(0, "must be between 0 and 1000000"), z.lte(1000000, "must be between 0 and 1000000"));

/** One environment's share of the plan limit. */
export const ConcurrencyAllocation = z.looseObject({
  environmentId: Id,
  environmentName: EnvironmentName,
  maxConcurrentCalls: MaxConcurrentCalls,
}, { error: expected("an object") });

/** How the plan limit is split across environments. */
export const Concurrency = z.looseObject({
  planLimit: PlanLimit,
  /** The sum of every environment's `maxConcurrentCalls`. */
  allocated: int.check(z.gte(0, "must be 0 or more")),
  /** What is left of the plan limit. */
  available: int.check(z.gte(0, "must be 0 or more")),
  /** Every environment, hidden ones included, oldest first. */
  allocations: z.array(ConcurrencyAllocation, { error: expected("a list") }),
}, { error: expected("an object") });

/** One environment's new allocation. */
export const ConcurrencyAllocationUpdate = z.strictObject({
  environmentId: Id,
  maxConcurrentCalls: MaxConcurrentCalls,
}, { error: strictKeys });

/** New allocations, applied all at once. Each environment at most once. */
export const ConcurrencyUpdate = z.strictObject({
  /** The environments to change and their new `maxConcurrentCalls`. */
  allocations: z.array(ConcurrencyAllocationUpdate, { error: expected("a list") }).check(z.minLength(1, "must have at least 1 item"), z.maxLength(1000, "must have at most 1000 items")),
}, { error: strictKeys });

/** The country. */
export const Country = z.nullable(string.check(z.maxLength(100, "must be at most 100 characters")));

/** An email address. */
export const Email = z.email({ error: expected("an email address") }).check(z.maxLength(254, "must be at most 254 characters"));

/** A workspace inside the tenant, e.g. `default`, `staging`, `production`. */
export const Environment = z.looseObject({
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
}, { error: expected("an object") });

/** A new environment. */
export const EnvironmentCreate = z.strictObject({
  name: EnvironmentName,
  maxConcurrentCalls: z.optional(MaxConcurrentCalls),
  /** Leave the environment out of the switcher. */
  hidden: z.optional(boolean),
  /** Refuse deletion while true. */
  deletionProtection: z.optional(boolean),
}, { error: strictKeys });

/** One page of environments. */
export const EnvironmentList = z.looseObject({
  /** The environments on this page. */
  data: z.array(Environment, { error: expected("a list") }),
  nextCursor: NextCursor,
}, { error: expected("an object") });

/** The fields to change. */
export const EnvironmentUpdate = z.strictObject({
  name: z.optional(EnvironmentName),
  maxConcurrentCalls: z.optional(MaxConcurrentCalls),
  /** Leave the environment out of the switcher. */
  hidden: z.optional(boolean),
  /** Refuse deletion while true. */
  deletionProtection: z.optional(boolean),
}, { error: strictKeys }).check(namedRules.notEmpty);

/** An environment with its API key, returned once. */
export const EnvironmentWithApiKey = z.extend(Environment, {
  /** The environment's API key. Treat it as a password. */
  apiKey: string,
});

/** One offending field. */
export const FieldError = z.looseObject({
  /** Where the field is, e.g. `allocations[1].maxConcurrentCalls`. Empty for the body as a whole. */
  path: string,
  /** What is wrong with it. */
  message: string,
}, { error: expected("an object") });

/** `admin`: full configuration, manages users and the tenant. `member`: works with agents,
 * no configuration. `operator`: answers live conversations, has an operator schedule.
 * `viewer`: read-only. */
export const Role = z.enum(["admin","member","operator","viewer"], { error: expected("one of admin, member, operator, viewer") });

/** Where an invitation stands. */
export const InvitationStatus = z.enum(["pending","accepted","expired","revoked"], { error: expected("one of pending, accepted, expired, revoked") });

/** An invitation to join the tenant with a role. */
export const Invitation = z.looseObject({
  id: Id,
  email: Email,
  role: Role,
  status: InvitationStatus,
  invitedBy: Actor,
  expiresAt: Timestamp,
  createdAt: Timestamp,
}, { error: expected("an object") });

/** The user's display name. */
export const UserName = string.check(z.minLength(1, "must not be empty"), z.maxLength(100, "must be 1 to 100 characters"));

/** An initial password. Never returned, never logged. */
export const Password = string.check(z.minLength(8, "must be 8 to 128 characters"), z.maxLength(128, "must be 8 to 128 characters"));

/** Accepting an invitation. */
export const InvitationAccept = z.strictObject({
  /** The invitation's secret. */
  secret: string.check(z.minLength(1, "must not be empty"), z.maxLength(256, "must be 1 to 256 characters")),
  name: UserName,
  password: z.optional(Password),
}, { error: strictKeys });

/** An IANA time zone name such as `Europe/Berlin` or `UTC`. */
export const TimeZone = string.check(z.minLength(1, "must not be empty"), z.maxLength(64, "must be 1 to 64 characters"), z.regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, "must be an IANA time zone such as Europe/Berlin"), ianaTimeZone);

/** A day of the week. */
export const Weekday = z.enum(["monday","tuesday","wednesday","thursday","friday","saturday","sunday"], { error: expected("one of monday, tuesday, wednesday, thursday, friday, saturday, sunday") });

/** One working period on one weekday, in whole or quarter hours. `startHour` is before `endHour`. */
export const ScheduleRange = z.strictObject({
  day: Weekday,
  /** Start, in hours from midnight (0–24). */
  startHour: number.check(z.gte(0, "must be between 0 and 24"), z.lte(24, "must be between 0 and 24"), z.multipleOf(0.25, "must be a multiple of 0.25")),
  /** End, in hours from midnight (0–24). After `startHour`. */
  endHour: number.check(z.gte(0, "must be between 0 and 24"), z.lte(24, "must be between 0 and 24"), z.multipleOf(0.25, "must be a multiple of 0.25")),
}, { error: strictKeys }).check(namedRules.startBeforeEnd);

/** When an operator works. `ranges` are stored in UTC; `timezone` is the zone they were
 * entered in, used to show them back in local time. The SDK's schedule helpers convert
 * both ways, across midnight and daylight-saving changes. */
export const OperatorSchedule = z.strictObject({
  timezone: TimeZone,
  /** Working periods in UTC. */
  ranges: z.array(ScheduleRange, { error: expected("a list") }).check(z.maxLength(100, "must have at most 100 items")),
}, { error: strictKeys });

/** A person in the tenant. Users see every environment. */
export const User = z.looseObject({
  id: Id,
  name: UserName,
  email: Email,
  role: Role,
  /** Only operators have one; null otherwise. */
  operatorSchedule: z.nullable(OperatorSchedule),
  createdAt: Timestamp,
  modifiedAt: Timestamp,
}, { error: expected("an object") });

/** A signed-in user's session. */
export const Session = z.looseObject({
  id: Id,
  expiresAt: Timestamp,
  createdAt: Timestamp,
  user: User,
}, { error: expected("an object") });

/** A new session with its token, returned once. Send the token as `Authorization: Bearer <token>`. */
export const SessionWithToken = z.extend(Session, {
  /** The session token (`cps_…`). Treat it as a password. */
  token: string,
});

/** The user an accepted invitation created, signed in. */
export const InvitationAcceptance = z.extend(User, {
  session: SessionWithToken,
});

/** A new invitation. */
export const InvitationCreate = z.strictObject({
  email: Email,
  role: Role,
  /** Days until the invitation expires. The server's default (7) when left out. */
  expiresInDays: z.optional(int.check(z.gte(1, "must be between 1 and 90"), z.lte(90, "must be between 1 and 90"))),
}, { error: strictKeys });

/** One page of invitations. */
export const InvitationList = z.looseObject({
  /** The invitations on this page. */
  data: z.array(Invitation, { error: expected("a list") }),
  nextCursor: NextCursor,
}, { error: expected("an object") });

/** How long the renewed invitation lasts. */
export const InvitationRenew = z.strictObject({
  /** Days from now until it expires. The server's default (7) when left out. */
  expiresInDays: z.optional(int.check(z.gte(1, "must be between 1 and 90"), z.lte(90, "must be between 1 and 90"))),
}, { error: strictKeys });

/** An invitation with its acceptance secret, returned once. */
export const InvitationWithSecret = z.extend(Invitation, {
  /** What the invitee sends to accept. Treat it as a password. */
  secret: string,
});

/** Where the logo is served from. Must start with `http://` or `https://`. */
export const LogoUrl = z.nullable(string.check(z.maxLength(2048, "must be at most 2048 characters"), z.regex(/^https?:\/\/\S+$/, "must start with http:// or https://")));

/** A contact number, 7 to 15 digits with an optional leading `+`. */
export const Phone = z.nullable(string.check(z.regex(/^\+?[0-9]{7,15}$/, "must be 7 to 15 digits with an optional leading +")));

/** An RFC 9457 problem detail, with the offending fields. */
export const Problem = z.looseObject({
  /** A URI naming the kind of problem. */
  type: string,
  /** A short, stable summary of the kind of problem. */
  title: string,
  /** The HTTP status code. */
  status: int.check(z.gte(100, "must be between 100 and 599"), z.lte(599, "must be between 100 and 599")),
  /** What went wrong this time, for people. */
  detail: z.optional(string),
  /** The request path. */
  instance: z.optional(string),
  /** Same as the `X-Request-Id` header. */
  requestId: z.optional(string),
  /** Every offending field. Empty when the problem is not about fields. */
  errors: z.array(FieldError, { error: expected("a list") }),
}, { error: expected("an object") });

/** A user's email and password, to sign in. */
export const SessionCreate = z.strictObject({
  email: Email,
  /** The user's password. Never returned, never logged. */
  password: string.check(z.minLength(1, "must not be empty"), z.maxLength(128, "must be 1 to 128 characters")),
  /** Only needed when the same email and password belong to users of several tenants. */
  tenantId: z.optional(Id),
}, { error: strictKeys });

/** The organisation's name. At least 3 characters. */
export const TenantName = string.check(z.minLength(3, "must be 3 to 100 characters"), z.maxLength(100, "must be 3 to 100 characters"));

/** A new tenant and its first user, who becomes its admin. */
export const SignUp = z.strictObject({
  tenantName: TenantName,
  name: UserName,
  email: Email,
  password: Password,
}, { error: strictKeys });

/** A short description. */
export const TenantDescription = z.nullable(string.check(z.maxLength(500, "must be at most 500 characters")));

/** The mailing address. */
export const Street = z.nullable(string.check(z.maxLength(200, "must be at most 200 characters")));

/** The postal code, 3 to 10 characters. */
export const ZipCode = z.nullable(string.check(z.minLength(3, "must be 3 to 10 characters"), z.maxLength(10, "must be 3 to 10 characters")));

/** The company website. Must start with `http://` or `https://`. */
export const Website = z.nullable(string.check(z.maxLength(2048, "must be at most 2048 characters"), z.regex(/^https?:\/\/\S+$/, "must start with http:// or https://")));

/** An organisation's workspace. Holds everything else. */
export const Tenant = z.looseObject({
  id: Id,
  name: TenantName,
  description: TenantDescription,
  phone: Phone,
  billingEmail: Email,
  country: Country,
  street: Street,
  zipCode: ZipCode,
  website: Website,
  timezone: z.nullable(TimeZone),
  logoUrl: LogoUrl,
  planLimit: PlanLimit,
  /** Read-only tenants refuse every edit. */
  readOnly: boolean,
  /** The tenant API key, masked. */
  apiKeyMasked: string,
  createdAt: Timestamp,
  modifiedAt: Timestamp,
}, { error: expected("an object") });

/** The new tenant and a session for its first admin. */
export const SignedUp = z.looseObject({
  tenant: Tenant,
  session: SessionWithToken,
}, { error: expected("an object") });

/** A new tenant. Platform administrators only. */
export const TenantCreate = z.strictObject({
  name: TenantName,
  description: z.optional(TenantDescription),
  phone: z.optional(Phone),
  billingEmail: Email,
  country: z.optional(Country),
  street: z.optional(Street),
  zipCode: z.optional(ZipCode),
  website: z.optional(Website),
  timezone: z.optional(z.nullable(TimeZone)),
  logoUrl: z.optional(LogoUrl),
  planLimit: PlanLimit,
  /** Create the tenant read-only. */
  readOnly: z.optional(boolean),
}, { error: strictKeys });

/** One page of tenants. */
export const TenantList = z.looseObject({
  /** The tenants on this page. */
  data: z.array(Tenant, { error: expected("a list") }),
  nextCursor: NextCursor,
}, { error: expected("an object") });

/** The fields to change. `null` clears an optional field. */
export const TenantUpdate = z.strictObject({
  name: z.optional(TenantName),
  description: z.optional(TenantDescription),
  phone: z.optional(Phone),
  billingEmail: z.optional(Email),
  country: z.optional(Country),
  street: z.optional(Street),
  zipCode: z.optional(ZipCode),
  website: z.optional(Website),
  timezone: z.optional(z.nullable(TimeZone)),
  logoUrl: z.optional(LogoUrl),
}, { error: strictKeys }).check(namedRules.notEmpty);

/** A tenant with its API key, returned once. */
export const TenantWithApiKey = z.extend(Tenant, {
  /** The tenant API key. Treat it as a password. */
  apiKey: string,
});

/** A new user. Email and password cannot be changed later. */
export const UserCreate = z.strictObject({
  name: UserName,
  email: Email,
  role: Role,
  password: z.optional(Password),
  /** Only for operators. */
  operatorSchedule: z.optional(z.nullable(OperatorSchedule)),
}, { error: strictKeys });

/** One page of users. */
export const UserList = z.looseObject({
  /** The users on this page. */
  data: z.array(User, { error: expected("a list") }),
  nextCursor: NextCursor,
}, { error: expected("an object") });

/** The fields to change. Email and password cannot be changed. */
export const UserUpdate = z.strictObject({
  name: z.optional(UserName),
  role: z.optional(Role),
  /** Only for operators; null removes it. */
  operatorSchedule: z.optional(z.nullable(OperatorSchedule)),
}, { error: strictKeys }).check(namedRules.notEmpty);

/** The schema of each operation's successful JSON response, by operationId (undefined: no body). */
export const responseSchemas = {
  getTenant: Tenant,
  updateTenant: Tenant,
  rotateTenantApiKey: ApiKeyRotation,
  listTenants: TenantList,
  createTenant: TenantWithApiKey,
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
