// Generated from openapi/callplane.yaml by sdk/scripts/generate.ts. Do not edit by hand:
// change the spec and run `pnpm generate`.
export interface paths {
    "/v1/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the caller's tenant */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the caller's tenant
         * @description Tenant admins edit their own tenant. Read-only tenants refuse every edit with 409.
         */
        patch: operations["updateTenant"];
        trace?: never;
    };
    "/v1/tenant/api-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the tenant API key
         * @description Replaces the tenant API key at once; the old key stops working, and so do the API tokens
         *     minted with it (tokens die with the credential that owns them). The new key is in this
         *     response and nowhere else: store it now.
         */
        post: operations["rotateTenantApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants
         * @description Platform administrators only.
         */
        get: operations["listTenants"];
        put?: never;
        /**
         * Create a tenant
         * @description Platform administrators only. The new tenant's API key is in this response and nowhere else.
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tenant's id. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        /**
         * Get a tenant
         * @description Platform administrators only.
         */
        get: operations["getPlatformTenant"];
        put?: never;
        post?: never;
        /**
         * Delete a tenant
         * @description Platform administrators only. Deletes the tenant and everything in it: environments,
         *     users, invitations and API tokens. Its keys and tokens stop working at once. The audit
         *     log keeps its events.
         */
        delete: operations["deletePlatformTenant"];
        options?: never;
        head?: never;
        /**
         * Update a tenant
         * @description Platform administrators only. Changes any field, the plan limit and the read-only flag included.
         */
        patch: operations["updatePlatformTenant"];
        trace?: never;
    };
    "/v1/tenants/{tenantId}/api-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tenant's id. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a tenant's API key
         * @description Platform administrators only. The old key stops working at once; the new one is in this response and nowhere else.
         */
        post: operations["rotatePlatformTenantApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List environments
         * @description Hidden environments are left out unless `includeHidden` is true.
         */
        get: operations["listEnvironments"];
        put?: never;
        /**
         * Create an environment
         * @description The environment's API key is in this response and nowhere else. Its
         *     `maxConcurrentCalls` must fit in what is left of the plan limit (422 otherwise).
         */
        post: operations["createEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environments/{environmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment's id. */
                environmentId: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        /** Read an environment */
        get: operations["getEnvironment"];
        put?: never;
        post?: never;
        /**
         * Delete an environment
         * @description Removes the environment and its configuration for good. Refused with 409 while the
         *     environment has `deletionProtection` set; turn it off first.
         */
        delete: operations["deleteEnvironment"];
        options?: never;
        head?: never;
        /**
         * Update an environment
         * @description A new `maxConcurrentCalls` must keep the sum over all environments within the plan limit (422 otherwise).
         */
        patch: operations["updateEnvironment"];
        trace?: never;
    };
    "/v1/environments/{environmentId}/api-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment's id. */
                environmentId: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an environment's API key
         * @description The old key stops working at once. The new key is in this response and nowhere else.
         */
        post: operations["rotateEnvironmentApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/concurrency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the concurrency split
         * @description The plan limit, how much of it is allocated, what is left, and each environment's share (hidden ones included).
         */
        get: operations["getConcurrency"];
        /**
         * Set allocations atomically
         * @description Sets the `maxConcurrentCalls` of every listed environment in one transaction: either all
         *     allocations change or none does, and the limit is never exceeded in between. Environments
         *     not listed keep their allocation. Refused with 422 when one allocation or the resulting
         *     sum exceeds the plan limit, naming the offending allocation.
         */
        put: operations["setConcurrency"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description Email and the initial password are set here and cannot be changed later. Only operators
         *     may have an operator schedule. An email that already belongs to a user answers 409.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** Read a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Deleting the last admin is refused with 409.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Update a user
         * @description Changes name, role or operator schedule. Email and password cannot be changed (422).
         *     Demoting the last admin is refused with 409.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invitations */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite someone by email
         * @description An email that already belongs to a user, or has a pending invitation, answers 409. The
         *     acceptance secret is in this response and nowhere else.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description Unauthenticated: the invitation's secret is the credential. Creates the user with the
         *     invited role and signs them in: the answer carries a session. Expired, revoked or
         *     already accepted invitations answer 409.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invitation's id. */
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        /** Read an invitation */
        get: operations["getInvitation"];
        put?: never;
        post?: never;
        /**
         * Revoke an invitation
         * @description The invitation stays listed with status `revoked`. Accepted invitations cannot be revoked (409).
         */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{invitationId}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invitation's id. */
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew an invitation
         * @description Gives an expired or pending invitation a new expiry and a new acceptance secret (the old
         *     secret stops working). Accepted and revoked invitations answer 409.
         */
        post: operations["renewInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Newest first.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens */
        get: operations["listApiTokens"];
        put?: never;
        /**
         * Create an API token
         * @description Creates a personal API token for the calling user. A token never has more rights than
         *     its owner: a viewer's `write` token still cannot write. A token dies with its owner: it
         *     stops working when its user is deleted or, for a token minted with the tenant API key
         *     (or with a token so minted), when that key is rotated. The token is in this response
         *     and nowhere else.
         */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API token's id. */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token
         * @description The token stops working at once.
         */
        delete: operations["revokeApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Unauthenticated: trades a user's email and password for a session token, which acts
         *     with the user's role (read again at every call) until it expires (12 hours by default;
         *     the server's `--session-ttl`) or the user signs out. An unknown email and a wrong
         *     password get the same 401. Failed sign-ins are limited per email and per client
         *     address: past the limit the answer is 429 with `Retry-After`, whatever the password.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the calling session
         * @description Who the session token belongs to, with the user's current role, and when it expires. Other credentials answer 404.
         */
        get: operations["getCurrentSession"];
        put?: never;
        post?: never;
        /**
         * Sign out
         * @description The calling session token stops working at once. Other credentials answer 404.
         */
        delete: operations["deleteCurrentSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up
         * @description Unauthenticated, and only on servers started with `--allow-signup` (403 otherwise):
         *     creates a tenant with the default plan limit and a `default` environment, makes the
         *     caller its admin and signs them in. Sign-ups are limited per client address (429).
         */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Calls that take no body accept none, or this empty object. */
        NoBody: Record<string, never>;
        /**
         * @description An object's id.
         * @example env_7b2d9e41
         */
        Id: string;
        /**
         * Format: date-time
         * @description An RFC 3339 instant in UTC.
         * @example 2026-11-20T09:30:00Z
         */
        Timestamp: string;
        /**
         * Format: email
         * @description An email address.
         * @example ops@acme.test
         */
        Email: string;
        /**
         * Format: iana-time-zone
         * @description An IANA time zone name such as `Europe/Berlin` or `UTC`.
         * @example Europe/Berlin
         */
        TimeZone: string;
        /**
         * @description `admin`: full configuration, manages users and the tenant. `member`: works with agents,
         *     no configuration. `operator`: answers live conversations, has an operator schedule.
         *     `viewer`: read-only.
         * @enum {string}
         */
        Role: "admin" | "member" | "operator" | "viewer";
        /**
         * @description Where an invitation stands.
         * @enum {string}
         */
        InvitationStatus: "pending" | "accepted" | "expired" | "revoked";
        /**
         * @description `read` tokens may only read; `write` tokens may also change settings, if their owner may.
         * @enum {string}
         */
        TokenScope: "read" | "write";
        /**
         * @description The kind of object an audit event is about.
         * @enum {string}
         */
        ResourceType: "tenant" | "environment" | "concurrency" | "user" | "invitation" | "apiToken" | "session";
        /**
         * @description A day of the week.
         * @enum {string}
         */
        Weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
        /** @description The most calls the environment may have at once. Within the plan limit. */
        MaxConcurrentCalls: number;
        /** @description An initial password. Never returned, never logged. */
        Password: string;
        /**
         * @description An RFC 9457 problem detail, with the offending fields.
         * @example {
         *       "type": "https://callplane.dev/problems/validation",
         *       "title": "Validation failed",
         *       "status": 422,
         *       "detail": "1 field is invalid.",
         *       "requestId": "req_01JD2W5X74",
         *       "errors": [
         *         {
         *           "path": "billingEmail",
         *           "message": "must be an email address"
         *         }
         *       ]
         *     }
         */
        Problem: {
            /** @description A URI naming the kind of problem. */
            type: string;
            /** @description A short, stable summary of the kind of problem. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description What went wrong this time, for people. */
            detail?: string;
            /** @description The request path. */
            instance?: string;
            /** @description Same as the `X-Request-Id` header. */
            requestId?: string;
            /** @description Every offending field. Empty when the problem is not about fields. */
            errors: components["schemas"]["FieldError"][];
        };
        /**
         * @description One offending field.
         * @example {
         *       "path": "zipCode",
         *       "message": "must be 3 to 10 characters"
         *     }
         */
        FieldError: {
            /** @description Where the field is, e.g. `allocations[1].maxConcurrentCalls`. Empty for the body as a whole. */
            path: string;
            /** @description What is wrong with it. */
            message: string;
        };
        /**
         * @description Who did something.
         * @example {
         *       "type": "user",
         *       "id": "usr_1a2b3c4d",
         *       "name": "Olivia Stone"
         *     }
         */
        Actor: {
            /**
             * @description What kind of credential acted.
             * @enum {string}
             */
            type: "user" | "apiToken" | "tenantApiKey" | "platform" | "system";
            /** @description The user's or token's id; null for the tenant API key, the platform and the system. */
            id: string | null;
            /** @description A display name. */
            name: string;
        };
        /**
         * @description An organisation's workspace. Holds everything else.
         * @example {
         *       "id": "ten_4a7c1e9b",
         *       "name": "Acme Voice",
         *       "description": "Outbound appointment reminders for clinics.",
         *       "phone": "+4930123456",
         *       "billingEmail": "billing@acme.test",
         *       "country": "Germany",
         *       "street": "Torstraße 1",
         *       "zipCode": "10119",
         *       "website": "https://acme.test",
         *       "timezone": "Europe/Berlin",
         *       "logoUrl": "https://acme.test/logo.png",
         *       "planLimit": 40,
         *       "readOnly": false,
         *       "apiKeyMasked": "cpk_…7f3a",
         *       "createdAt": "2026-01-15T10:00:00Z",
         *       "modifiedAt": "2026-11-20T09:30:00Z"
         *     }
         */
        Tenant: {
            id: components["schemas"]["Id"];
            name: components["schemas"]["TenantName"];
            description: components["schemas"]["TenantDescription"];
            phone: components["schemas"]["Phone"];
            billingEmail: components["schemas"]["Email"];
            country: components["schemas"]["Country"];
            street: components["schemas"]["Street"];
            zipCode: components["schemas"]["ZipCode"];
            website: components["schemas"]["Website"];
            timezone: components["schemas"]["TimeZone"] | null;
            logoUrl: components["schemas"]["LogoUrl"];
            planLimit: components["schemas"]["PlanLimit"];
            /** @description Read-only tenants refuse every edit. */
            readOnly: boolean;
            /** @description The tenant API key, masked. */
            apiKeyMasked: string;
            createdAt: components["schemas"]["Timestamp"];
            modifiedAt: components["schemas"]["Timestamp"];
        };
        /** @description A tenant with its API key, returned once. */
        TenantWithApiKey: components["schemas"]["Tenant"] & {
            /** @description The tenant API key. Treat it as a password. */
            apiKey: string;
        };
        /**
         * @description The organisation's name. At least 3 characters.
         * @example Acme Voice
         */
        TenantName: string;
        /** @description A short description. */
        TenantDescription: string | null;
        /**
         * @description A contact number, 7 to 15 digits with an optional leading `+`.
         * @example +4930123456
         */
        Phone: string | null;
        /** @description The country. */
        Country: string | null;
        /** @description The mailing address. */
        Street: string | null;
        /** @description The postal code, 3 to 10 characters. */
        ZipCode: string | null;
        /** @description The company website. Must start with `http://` or `https://`. */
        Website: string | null;
        /** @description Where the logo is served from. Must start with `http://` or `https://`. */
        LogoUrl: string | null;
        /** @description The most concurrent calls the tenant's plan allows, split across its environments. */
        PlanLimit: number;
        /**
         * @description The fields to change. `null` clears an optional field.
         * @example {
         *       "name": "Acme Voice",
         *       "billingEmail": "billing@acme.test",
         *       "phone": "+4930123456",
         *       "zipCode": "10115",
         *       "website": "https://acme.test",
         *       "timezone": "Europe/Berlin"
         *     }
         */
        TenantUpdate: {
            name?: components["schemas"]["TenantName"];
            description?: components["schemas"]["TenantDescription"];
            phone?: components["schemas"]["Phone"];
            billingEmail?: components["schemas"]["Email"];
            country?: components["schemas"]["Country"];
            street?: components["schemas"]["Street"];
            zipCode?: components["schemas"]["ZipCode"];
            website?: components["schemas"]["Website"];
            timezone?: components["schemas"]["TimeZone"] | null;
            logoUrl?: components["schemas"]["LogoUrl"];
        };
        /**
         * @description The fields of any tenant a platform administrator changes, the plan limit and the
         *     read-only flag included. `null` clears an optional field. Read-only tenants can be edited
         *     here (that is how they are made writable again).
         * @example {
         *       "planLimit": 60,
         *       "readOnly": false
         *     }
         */
        PlatformTenantUpdate: {
            name?: components["schemas"]["TenantName"];
            description?: components["schemas"]["TenantDescription"];
            phone?: components["schemas"]["Phone"];
            billingEmail?: components["schemas"]["Email"];
            country?: components["schemas"]["Country"];
            street?: components["schemas"]["Street"];
            zipCode?: components["schemas"]["ZipCode"];
            website?: components["schemas"]["Website"];
            timezone?: components["schemas"]["TimeZone"] | null;
            logoUrl?: components["schemas"]["LogoUrl"];
            planLimit?: components["schemas"]["PlanLimit"];
            /** @description Read-only tenants refuse every change their own credentials make. */
            readOnly?: boolean;
        };
        /**
         * @description A new tenant. Platform administrators only.
         * @example {
         *       "name": "Globex Calling",
         *       "billingEmail": "finance@globex.test",
         *       "planLimit": 25,
         *       "phone": "+12125550123",
         *       "zipCode": "10001",
         *       "website": "https://globex.test",
         *       "timezone": "America/New_York"
         *     }
         */
        TenantCreate: {
            name: components["schemas"]["TenantName"];
            description?: components["schemas"]["TenantDescription"];
            phone?: components["schemas"]["Phone"];
            billingEmail: components["schemas"]["Email"];
            country?: components["schemas"]["Country"];
            street?: components["schemas"]["Street"];
            zipCode?: components["schemas"]["ZipCode"];
            website?: components["schemas"]["Website"];
            timezone?: components["schemas"]["TimeZone"] | null;
            logoUrl?: components["schemas"]["LogoUrl"];
            planLimit: components["schemas"]["PlanLimit"];
            /**
             * @description Create the tenant read-only.
             * @default false
             */
            readOnly?: boolean;
        };
        /** @description One page of tenants. */
        TenantList: {
            /** @description The tenants on this page. */
            data: components["schemas"]["Tenant"][];
            nextCursor: components["schemas"]["NextCursor"];
        };
        /** @description A freshly rotated tenant API key, returned once. */
        ApiKeyRotation: {
            /** @description The new key. Treat it as a password. */
            apiKey: string;
            /** @description The new key, masked, as it is shown from now on. */
            apiKeyMasked: string;
            rotatedAt: components["schemas"]["Timestamp"];
        };
        /** @description Pass as `cursor` to read the next page; null on the last page. */
        NextCursor: string | null;
        /**
         * @description Unique within the tenant. Letters, digits, spaces, `_`, `.` and `-`, starting with a letter or digit.
         * @example production
         */
        EnvironmentName: string;
        /**
         * @description A workspace inside the tenant, e.g. `default`, `staging`, `production`.
         * @example {
         *       "id": "env_7b2d9e41",
         *       "name": "production",
         *       "maxConcurrentCalls": 20,
         *       "hidden": false,
         *       "deletionProtection": true,
         *       "apiKeyMasked": "cpk_…b21c",
         *       "createdAt": "2026-01-15T10:00:00Z",
         *       "modifiedAt": "2026-11-20T09:30:00Z"
         *     }
         */
        Environment: {
            id: components["schemas"]["Id"];
            name: components["schemas"]["EnvironmentName"];
            maxConcurrentCalls: components["schemas"]["MaxConcurrentCalls"];
            /** @description Hidden environments are not offered in the switcher but still exist and can be managed. */
            hidden: boolean;
            /** @description While true, the environment cannot be deleted. */
            deletionProtection: boolean;
            /** @description The environment's API key, masked. The full key is shown only at creation and rotation. */
            apiKeyMasked: string;
            createdAt: components["schemas"]["Timestamp"];
            modifiedAt: components["schemas"]["Timestamp"];
        };
        /** @description An environment with its API key, returned once. */
        EnvironmentWithApiKey: components["schemas"]["Environment"] & {
            /** @description The environment's API key. Treat it as a password. */
            apiKey: string;
        };
        /**
         * @description A new environment.
         * @example {
         *       "name": "staging",
         *       "maxConcurrentCalls": 10,
         *       "hidden": false,
         *       "deletionProtection": true
         *     }
         */
        EnvironmentCreate: {
            name: components["schemas"]["EnvironmentName"];
            /** @default 0 */
            maxConcurrentCalls?: components["schemas"]["MaxConcurrentCalls"];
            /**
             * @description Leave the environment out of the switcher.
             * @default false
             */
            hidden?: boolean;
            /**
             * @description Refuse deletion while true.
             * @default false
             */
            deletionProtection?: boolean;
        };
        /**
         * @description The fields to change.
         * @example {
         *       "name": "staging-eu",
         *       "maxConcurrentCalls": 5,
         *       "hidden": true,
         *       "deletionProtection": false
         *     }
         */
        EnvironmentUpdate: {
            name?: components["schemas"]["EnvironmentName"];
            maxConcurrentCalls?: components["schemas"]["MaxConcurrentCalls"];
            /** @description Leave the environment out of the switcher. */
            hidden?: boolean;
            /** @description Refuse deletion while true. */
            deletionProtection?: boolean;
        };
        /** @description One page of environments. */
        EnvironmentList: {
            /** @description The environments on this page. */
            data: components["schemas"]["Environment"][];
            nextCursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description How the plan limit is split across environments.
         * @example {
         *       "planLimit": 40,
         *       "allocated": 40,
         *       "available": 0,
         *       "allocations": [
         *         {
         *           "environmentId": "env_7b2d9e41",
         *           "environmentName": "production",
         *           "maxConcurrentCalls": 20
         *         },
         *         {
         *           "environmentId": "env_3f2a9c1d",
         *           "environmentName": "staging",
         *           "maxConcurrentCalls": 10
         *         },
         *         {
         *           "environmentId": "env_9d8c7b6a",
         *           "environmentName": "sandbox",
         *           "maxConcurrentCalls": 10
         *         }
         *       ]
         *     }
         */
        Concurrency: {
            planLimit: components["schemas"]["PlanLimit"];
            /** @description The sum of every environment's `maxConcurrentCalls`. */
            allocated: number;
            /** @description What is left of the plan limit. */
            available: number;
            /** @description Every environment, hidden ones included, oldest first. */
            allocations: components["schemas"]["ConcurrencyAllocation"][];
        };
        /** @description One environment's share of the plan limit. */
        ConcurrencyAllocation: {
            environmentId: components["schemas"]["Id"];
            environmentName: components["schemas"]["EnvironmentName"];
            maxConcurrentCalls: components["schemas"]["MaxConcurrentCalls"];
        };
        /**
         * @description New allocations, applied all at once. Each environment at most once.
         * @example {
         *       "allocations": [
         *         {
         *           "environmentId": "env_7b2d9e41",
         *           "maxConcurrentCalls": 20
         *         },
         *         {
         *           "environmentId": "env_3f2a9c1d",
         *           "maxConcurrentCalls": 10
         *         }
         *       ]
         *     }
         */
        ConcurrencyUpdate: {
            /** @description The environments to change and their new `maxConcurrentCalls`. */
            allocations: components["schemas"]["ConcurrencyAllocationUpdate"][];
        };
        /** @description One environment's new allocation. */
        ConcurrencyAllocationUpdate: {
            environmentId: components["schemas"]["Id"];
            maxConcurrentCalls: components["schemas"]["MaxConcurrentCalls"];
        };
        /**
         * @description One working period on one weekday, in whole or quarter hours. `startHour` is before `endHour`.
         * @example {
         *       "day": "monday",
         *       "startHour": 8,
         *       "endHour": 16.5
         *     }
         */
        ScheduleRange: {
            day: components["schemas"]["Weekday"];
            /** @description Start, in hours from midnight (0–24). */
            startHour: number;
            /** @description End, in hours from midnight (0–24). After `startHour`. */
            endHour: number;
        };
        /**
         * @description When an operator works. `ranges` are stored in UTC; `timezone` is the zone they were
         *     entered in, used to show them back in local time. The SDK's schedule helpers convert
         *     both ways, across midnight and daylight-saving changes.
         * @example {
         *       "timezone": "Europe/Berlin",
         *       "ranges": [
         *         {
         *           "day": "monday",
         *           "startHour": 8,
         *           "endHour": 16
         *         },
         *         {
         *           "day": "friday",
         *           "startHour": 7.5,
         *           "endHour": 12
         *         }
         *       ]
         *     }
         */
        OperatorSchedule: {
            timezone: components["schemas"]["TimeZone"];
            /** @description Working periods in UTC. */
            ranges: components["schemas"]["ScheduleRange"][];
        };
        /**
         * @description The user's display name.
         * @example Olivia Stone
         */
        UserName: string;
        /**
         * @description A person in the tenant. Users see every environment.
         * @example {
         *       "id": "usr_1a2b3c4d",
         *       "name": "Olivia Stone",
         *       "email": "ops@acme.test",
         *       "role": "admin",
         *       "operatorSchedule": null,
         *       "createdAt": "2026-01-15T10:00:00Z",
         *       "modifiedAt": "2026-01-15T10:00:00Z"
         *     }
         */
        User: {
            id: components["schemas"]["Id"];
            name: components["schemas"]["UserName"];
            email: components["schemas"]["Email"];
            role: components["schemas"]["Role"];
            /** @description Only operators have one; null otherwise. */
            operatorSchedule: components["schemas"]["OperatorSchedule"] | null;
            createdAt: components["schemas"]["Timestamp"];
            modifiedAt: components["schemas"]["Timestamp"];
        };
        /**
         * @description A new user. Email and password cannot be changed later.
         * @example {
         *       "name": "Lee Park",
         *       "email": "lee@acme.test",
         *       "role": "member",
         *       "password": "correct-horse-battery"
         *     }
         */
        UserCreate: {
            name: components["schemas"]["UserName"];
            email: components["schemas"]["Email"];
            role: components["schemas"]["Role"];
            password?: components["schemas"]["Password"];
            /** @description Only for operators. */
            operatorSchedule?: components["schemas"]["OperatorSchedule"] | null;
        };
        /**
         * @description The fields to change. Email and password cannot be changed.
         * @example {
         *       "name": "Sam Ortiz",
         *       "role": "operator",
         *       "operatorSchedule": {
         *         "timezone": "America/New_York",
         *         "ranges": [
         *           {
         *             "day": "wednesday",
         *             "startHour": 13,
         *             "endHour": 21
         *           }
         *         ]
         *       }
         *     }
         */
        UserUpdate: {
            name?: components["schemas"]["UserName"];
            role?: components["schemas"]["Role"];
            /** @description Only for operators; null removes it. */
            operatorSchedule?: components["schemas"]["OperatorSchedule"] | null;
        };
        /** @description One page of users. */
        UserList: {
            /** @description The users on this page. */
            data: components["schemas"]["User"][];
            nextCursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description An invitation to join the tenant with a role.
         * @example {
         *       "id": "inv_2c3d4e5f",
         *       "email": "vic@acme.test",
         *       "role": "viewer",
         *       "status": "pending",
         *       "invitedBy": {
         *         "type": "user",
         *         "id": "usr_1a2b3c4d",
         *         "name": "Olivia Stone"
         *       },
         *       "expiresAt": "2026-11-27T09:30:00Z",
         *       "createdAt": "2026-11-20T09:30:00Z"
         *     }
         */
        Invitation: {
            id: components["schemas"]["Id"];
            email: components["schemas"]["Email"];
            role: components["schemas"]["Role"];
            status: components["schemas"]["InvitationStatus"];
            invitedBy: components["schemas"]["Actor"];
            expiresAt: components["schemas"]["Timestamp"];
            createdAt: components["schemas"]["Timestamp"];
        };
        /** @description An invitation with its acceptance secret, returned once. */
        InvitationWithSecret: components["schemas"]["Invitation"] & {
            /** @description What the invitee sends to accept. Treat it as a password. */
            secret: string;
        };
        /**
         * @description A new invitation.
         * @example {
         *       "email": "vic@acme.test",
         *       "role": "viewer",
         *       "expiresInDays": 14
         *     }
         */
        InvitationCreate: {
            email: components["schemas"]["Email"];
            role: components["schemas"]["Role"];
            /** @description Days until the invitation expires. The server's default (7) when left out. */
            expiresInDays?: number;
        };
        /**
         * @description How long the renewed invitation lasts.
         * @example {
         *       "expiresInDays": 7
         *     }
         */
        InvitationRenew: {
            /** @description Days from now until it expires. The server's default (7) when left out. */
            expiresInDays?: number;
        };
        /**
         * @description Accepting an invitation.
         * @example {
         *       "secret": "cpi_6d1f0a9b8c7e4d2f9a3b5c6d7e8f9a0b",
         *       "name": "Vic Lund",
         *       "password": "a-long-passphrase"
         *     }
         */
        InvitationAccept: {
            /** @description The invitation's secret. */
            secret: string;
            name: components["schemas"]["UserName"];
            password?: components["schemas"]["Password"];
        };
        /** @description One page of invitations. */
        InvitationList: {
            /** @description The invitations on this page. */
            data: components["schemas"]["Invitation"][];
            nextCursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description One recorded change.
         * @example {
         *       "id": "evt_0f1e2d3c",
         *       "occurredAt": "2026-11-20T09:31:12Z",
         *       "actor": {
         *         "type": "user",
         *         "id": "usr_1a2b3c4d",
         *         "name": "Olivia Stone"
         *       },
         *       "source": "console",
         *       "action": "environment.update",
         *       "resourceType": "environment",
         *       "resourceId": "env_7b2d9e41",
         *       "before": {
         *         "maxConcurrentCalls": 20
         *       },
         *       "after": {
         *         "maxConcurrentCalls": 25
         *       },
         *       "requestId": "req_01JD2W5X77"
         *     }
         */
        AuditEvent: {
            id: components["schemas"]["Id"];
            occurredAt: components["schemas"]["Timestamp"];
            actor: components["schemas"]["Actor"];
            /**
             * @description Through what the change was made.
             * @enum {string}
             */
            source: "console" | "api" | "terraform" | "sdk";
            /** @description What happened, as `<resourceType>.<verb>`, e.g. `environment.update`. */
            action: string;
            resourceType: components["schemas"]["ResourceType"];
            /** @description The object changed; null for the concurrency split. */
            resourceId: string | null;
            /** @description The object's fields before the change (secrets redacted); null for a creation. */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description The object's fields after the change (secrets redacted); null for a deletion. */
            after: {
                [key: string]: unknown;
            } | null;
            /** @description The request that made the change. */
            requestId: string | null;
        };
        /** @description One page of audit events. */
        AuditEventList: {
            /** @description The events on this page. */
            data: components["schemas"]["AuditEvent"][];
            nextCursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description A personal API token. Its value is shown only at creation.
         * @example {
         *       "id": "tok_9f8e7d6c",
         *       "name": "terraform-ci",
         *       "scope": "write",
         *       "tokenMasked": "cpt_…e5f6",
         *       "owner": {
         *         "type": "user",
         *         "id": "usr_1a2b3c4d",
         *         "name": "Olivia Stone"
         *       },
         *       "expiresAt": null,
         *       "lastUsedAt": "2026-11-22T18:04:51Z",
         *       "createdAt": "2026-11-20T09:30:00Z"
         *     }
         */
        ApiToken: {
            id: components["schemas"]["Id"];
            /** @description What the token is for. */
            name: string;
            scope: components["schemas"]["TokenScope"];
            /** @description The token, masked. */
            tokenMasked: string;
            owner: components["schemas"]["Actor"];
            /** @description When the token stops working; null for never. */
            expiresAt: components["schemas"]["Timestamp"] | null;
            /** @description When the token was last used; null if never. */
            lastUsedAt: components["schemas"]["Timestamp"] | null;
            createdAt: components["schemas"]["Timestamp"];
        };
        /** @description An API token with its value, returned once. */
        ApiTokenWithSecret: components["schemas"]["ApiToken"] & {
            /** @description The token. Treat it as a password. */
            token: string;
        };
        /**
         * @description A new personal API token.
         * @example {
         *       "name": "terraform-ci",
         *       "scope": "write",
         *       "expiresAt": "2027-01-01T00:00:00Z"
         *     }
         */
        ApiTokenCreate: {
            /** @description What the token is for. */
            name: string;
            scope: components["schemas"]["TokenScope"];
            /** @description When the token stops working; never when left out or null. */
            expiresAt?: components["schemas"]["Timestamp"] | null;
        };
        /** @description One page of API tokens. */
        ApiTokenList: {
            /** @description The tokens on this page. */
            data: components["schemas"]["ApiToken"][];
            nextCursor: components["schemas"]["NextCursor"];
        };
        /**
         * @description A user's email and password, to sign in.
         * @example {
         *       "email": "lee@acme.test",
         *       "password": "correct-horse-battery"
         *     }
         */
        SessionCreate: {
            email: components["schemas"]["Email"];
            /** @description The user's password. Never returned, never logged. */
            password: string;
            /** @description Only needed when the same email and password belong to users of several tenants. */
            tenantId?: components["schemas"]["Id"];
        };
        /**
         * @description A signed-in user's session.
         * @example {
         *       "id": "ses_5d6e7f8a",
         *       "expiresAt": "2026-11-20T21:30:00Z",
         *       "createdAt": "2026-11-20T09:30:00Z",
         *       "user": {
         *         "id": "usr_1a2b3c4d",
         *         "name": "Olivia Stone",
         *         "email": "ops@acme.test",
         *         "role": "admin",
         *         "operatorSchedule": null,
         *         "createdAt": "2026-01-15T10:00:00Z",
         *         "modifiedAt": "2026-01-15T10:00:00Z"
         *       }
         *     }
         */
        Session: {
            id: components["schemas"]["Id"];
            expiresAt: components["schemas"]["Timestamp"];
            createdAt: components["schemas"]["Timestamp"];
            user: components["schemas"]["User"];
        };
        /** @description A new session with its token, returned once. Send the token as `Authorization: Bearer <token>`. */
        SessionWithToken: components["schemas"]["Session"] & {
            /** @description The session token (`cps_…`). Treat it as a password. */
            token: string;
        };
        /**
         * @description A new tenant and its first user, who becomes its admin.
         * @example {
         *       "tenantName": "Acme Voice",
         *       "name": "Olivia Stone",
         *       "email": "ops@acme.test",
         *       "password": "a-long-passphrase"
         *     }
         */
        SignUp: {
            tenantName: components["schemas"]["TenantName"];
            name: components["schemas"]["UserName"];
            email: components["schemas"]["Email"];
            password: components["schemas"]["Password"];
        };
        /** @description The new tenant and a session for its first admin. */
        SignedUp: {
            tenant: components["schemas"]["Tenant"];
            session: components["schemas"]["SessionWithToken"];
        };
        /** @description The user an accepted invitation created, signed in. */
        InvitationAcceptance: components["schemas"]["User"] & {
            session: components["schemas"]["SessionWithToken"];
        };
    };
    responses: {
        /** @description The request is malformed (unparseable JSON, a bad query parameter or header). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No credential, or one that is unknown, revoked or expired. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The credential may not do this (a read-only role or scope, or an environment API key). */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such object in the caller's tenant. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the current state (duplicate name or email, last admin, deletion protection, read-only tenant, idempotency key reused with another body). */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The object changed since the `ETag` sent in `If-Match`. Nothing was written. */
        PreconditionFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body breaks a rule. Every offending field is listed in `errors`. */
        UnprocessableEntity: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the server accepts (1 MiB). Nothing was read past the limit. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not sent as JSON (`Content-Type` must be `application/json` or another `+json` type). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests. Retry after the number of seconds in `Retry-After`. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The environment's id. */
        EnvironmentId: components["schemas"]["Id"];
        /** @description The user's id. */
        UserId: components["schemas"]["Id"];
        /** @description The invitation's id. */
        InvitationId: components["schemas"]["Id"];
        /** @description The tenant's id. */
        TenantId: components["schemas"]["Id"];
        /** @description The API token's id. */
        TokenId: components["schemas"]["Id"];
        /** @description Page size. */
        Limit: number;
        /** @description The `nextCursor` of the previous page. */
        Cursor: string;
        /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
        IfMatch: string;
        /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description The object's version. Changes on every write. */
        ETag: string;
        /** @description Identifies this request in logs and support cases. */
        "X-Request-Id": string;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantUpdate"];
            };
        };
        responses: {
            /** @description The updated tenant. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateTenantApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description None, or an empty object; anything else is refused with 422. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NoBody"];
            };
        };
        responses: {
            /** @description The new key, shown once. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyRotation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listTenants: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tenants. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantCreate"];
            };
        };
        responses: {
            /** @description The new tenant with its API key, shown once. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantWithApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPlatformTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tenant's id. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePlatformTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tenant's id. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updatePlatformTenant: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The tenant's id. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlatformTenantUpdate"];
            };
        };
        responses: {
            /** @description The updated tenant. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotatePlatformTenantApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The tenant's id. */
                tenantId: components["parameters"]["TenantId"];
            };
            cookie?: never;
        };
        /** @description None, or an empty object; anything else is refused with 422. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NoBody"];
            };
        };
        responses: {
            /** @description The tenant with its new API key, shown once. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantWithApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listEnvironments: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Include hidden environments. */
                includeHidden?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of environments, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnvironmentCreate"];
            };
        };
        responses: {
            /** @description The new environment with its API key, shown once. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentWithApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment's id. */
                environmentId: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The environment's id. */
                environmentId: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The environment's id. */
                environmentId: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnvironmentUpdate"];
            };
        };
        responses: {
            /** @description The updated environment. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateEnvironmentApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The environment's id. */
                environmentId: components["parameters"]["EnvironmentId"];
            };
            cookie?: never;
        };
        /** @description None, or an empty object; anything else is refused with 422. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["NoBody"];
            };
        };
        responses: {
            /** @description The environment with its new API key, shown once. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentWithApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getConcurrency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The split. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Concurrency"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setConcurrency: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConcurrencyUpdate"];
            };
        };
        responses: {
            /** @description The new split. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Concurrency"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Case-insensitive search in name or email. */
                q?: string;
                /** @description Only users with this role. */
                role?: components["schemas"]["Role"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of users, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description The new user. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description The updated user. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listInvitations: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only invitations in this status. */
                status?: components["schemas"]["InvitationStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of invitations, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationCreate"];
            };
        };
        responses: {
            /** @description The new invitation with its acceptance secret, shown once. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationAccept"];
            };
        };
        responses: {
            /** @description The user the invitation created, with a session for them. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationAcceptance"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invitation's id. */
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` last read. The write happens only if the object has not changed since (412 otherwise). */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The invitation's id. */
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked invitation. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    renewInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description The invitation's id. */
                invitationId: components["parameters"]["InvitationId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["InvitationRenew"];
            };
        };
        responses: {
            /** @description The renewed invitation with its new secret, shown once. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only events about this kind of object. */
                resourceType?: components["schemas"]["ResourceType"];
                /** @description Only events about this object. */
                resourceId?: string;
                /** @description Only events at or after this instant. */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of audit events. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listApiTokens: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of API tokens, newest first. Token values are masked. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiTokenCreate"];
            };
        };
        responses: {
            /** @description The new token, its value shown once. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The API token's id. */
                tokenId: components["parameters"]["TokenId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionCreate"];
            };
        };
        responses: {
            /** @description Signed in. The token is in this answer only. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionWithToken"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCurrentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteCurrentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique key for this request. Retries with the same key and body replay the first response instead of acting twice. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignUp"];
            };
        };
        responses: {
            /** @description The new tenant and a session for its admin. The token is in this answer only. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedUp"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
