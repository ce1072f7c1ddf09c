// Shared ending for the command-line scripts: expected failures print one line;
// anything else prints its stack. The process exits either way (PGlite and pg
// keep handles open).
type ErrorClass = new (...args: never[]) => Error;

export async function runCli(main: () => Promise<void>, expected: ErrorClass[]) {
  try {
    await main();
    process.exit(0);
  } catch (error) {
    if (expected.some((kind) => error instanceof kind)) console.error((error as Error).message);
    else console.error(error);
    process.exit(1);
  }
}
