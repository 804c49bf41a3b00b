/** Builds the single executable the e2e tests run once, before the test files start in parallel. */
import { cachedExecutable, canBuildExecutables } from "../scripts/executable-mirror.js";

export default async function setup(): Promise<void> {
  if (canBuildExecutables()) await cachedExecutable();
}
