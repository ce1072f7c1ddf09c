import "server-only";
import { getLogger } from "./logger";

/**
 * For a promise whose failure must not fail what the person asked for (a text
 * message after the request is saved, deleting a file nobody refers to): the
 * error is written to the log as a warning, with what was being done, and
 * then dropped. Use it as `.catch(logDroppedError("..."))`, and say beside it
 * why losing the error is right.
 */
export const logDroppedError =
  (what: string) =>
  (error: unknown): undefined => {
    getLogger().warn({ what, err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, `Dropped error: ${what}`);
    return undefined;
  };
