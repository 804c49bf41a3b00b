import { formatPath, type Path, type PathStep } from "./path.js";

/**
 * A value that does not fit its type, or bytes that are not a valid encoding of one.
 * `path` says where (`allocations[2].environment_id`); the message starts with it.
 */
export class ValueError extends Error {
  override readonly name = "ValueError";
  readonly path: readonly PathStep[];
  /** The message without the path. */
  readonly detail: string;

  constructor(path: Path, detail: string) {
    const where = formatPath(path);
    super(where === "" ? detail : `${where}: ${detail}`);
    this.path = [...path];
    this.detail = detail;
  }
}
