"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({ children }: { children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      aria-disabled={pending}
      className="min-h-12 rounded bg-brand-700 px-6 text-lg font-bold text-white hover:bg-brand-800 aria-disabled:opacity-70"
      onClick={(event) => {
        // A second click while the first is on its way would submit twice.
        if (pending) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
