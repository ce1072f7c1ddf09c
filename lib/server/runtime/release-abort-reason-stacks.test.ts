import v8 from "node:v8";
import vm from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { releaseAbortReasonStacks } from "./release-abort-reason-stacks";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/**
 * Aborts `controller` inside a `setImmediate` callback, as React's server renderer
 * ends a render, and tells whether that Immediate is still in memory afterwards
 * (while the controller, and so its reason, still is).
 */
async function immediateOutlivesAbort(abort: (controller: AbortController) => void): Promise<{ retained: boolean; controller: AbortController }> {
  const controller = new AbortController();
  let immediate!: WeakRef<object>;
  await new Promise<void>((resolve) => {
    // A plain function, as the renderer's: its frame's receiver is the Immediate.
    immediate = new WeakRef(
      setImmediate(function end() {
        abort(controller);
        resolve();
      }),
    );
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 5));
  collectGarbage();
  return { retained: immediate.deref() !== undefined, controller };
}

describe("releaseAbortReasonStacks", () => {
  let undo = () => {};
  afterEach(() => undo());

  it("without it, an abort reason's stack holds the Immediate it was made in (the leak it fixes)", async () => {
    const { retained, controller } = await immediateOutlivesAbort((c) => c.abort(new Error("This render completed successfully.")));
    expect(retained).toBe(true);
    expect(controller.signal.aborted).toBe(true);
  });

  it("frees the Immediate once the controller aborts with an Error", async () => {
    undo = releaseAbortReasonStacks();
    const { retained, controller } = await immediateOutlivesAbort((c) => c.abort(new Error("This render completed successfully.")));
    expect(retained).toBe(false);
    expect(controller.signal.reason).toBeInstanceOf(Error);
    expect((controller.signal.reason as Error).message).toBe("This render completed successfully.");
    expect((controller.signal.reason as Error).stack).toMatch(/This render completed successfully\.\n\s+at /);
  });

  it("frees it for an abort without a reason too (Node's AbortError)", async () => {
    undo = releaseAbortReasonStacks();
    const { retained, controller } = await immediateOutlivesAbort((c) => c.abort());
    expect(retained).toBe(false);
    expect((controller.signal.reason as Error).name).toBe("AbortError");
  });

  it("keeps the abort's behaviour: the listeners run once, with the reason given", () => {
    undo = releaseAbortReasonStacks();
    const controller = new AbortController();
    const seen: unknown[] = [];
    controller.signal.addEventListener("abort", () => seen.push(controller.signal.reason));
    controller.abort("a reason that is not an error");
    controller.abort("again");
    expect(seen).toEqual(["a reason that is not an error"]);
  });

  it("installs once however often it is called, and undoes cleanly", () => {
    const before = AbortController.prototype.abort;
    undo = releaseAbortReasonStacks();
    const installed = AbortController.prototype.abort;
    expect(installed).not.toBe(before);
    const again = releaseAbortReasonStacks();
    expect(AbortController.prototype.abort).toBe(installed);
    again();
    expect(AbortController.prototype.abort).toBe(installed);
    undo();
    expect(AbortController.prototype.abort).toBe(before);
  });
});
