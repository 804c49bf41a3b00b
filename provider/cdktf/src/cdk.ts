/**
 * The one module that imports `cdktf`. Everything else in this package imports from here, so
 * moving to the community continuation `cdktn` (CDK Terrain) is a change to this file alone.
 */
export {
  Annotations,
  App,
  Aspects,
  Lazy,
  LocalBackend,
  TerraformDataSource,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from "cdktf";
export type {
  IAspect,
  IResolvable,
  TerraformMetaArguments,
  TerraformProviderGeneratorMetadata,
  TerraformVariableConfig,
} from "cdktf";
