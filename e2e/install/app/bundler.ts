// TypeScript with moduleResolution "bundler" (Vite, esbuild, webpack projects).
import { createCallplaneClient, schemas, validate, type Tenant } from "@callplane/sdk";
import { Environment, type EnvironmentProps } from "@callplane/cdktf";

export const client = createCallplaneClient({ endpoint: "https://api.example.test" });
export const check = validate(schemas.TenantUpdate, { name: "Acme" });
export const name = (tenant: Tenant): string => tenant.name;
export const environment: typeof Environment = Environment;
export type Props = EnvironmentProps;
