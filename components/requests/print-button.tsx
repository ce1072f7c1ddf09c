"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * Opens the browser's print dialogue. Rendered only once JavaScript runs: without
 * it the button could do nothing, and the browser's own print still works.
 */
export function PrintButton({ children }: { children: React.ReactNode }) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-12 rounded bg-brand-700 px-6 text-lg font-bold text-white hover:bg-brand-800 print:hidden"
    >
      {children}
    </button>
  );
}
