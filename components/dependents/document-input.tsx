"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { toPersianDigits } from "@/lib/utils/digits";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { FieldError } from "@/components/forms/field-error";

const subscribeNever = () => () => {};

function formatSize(bytes: number): string {
  if (bytes === 0) return "خالی، ۰ بایت";
  if (bytes < 1024 * 1024) return `${toPersianDigits(Math.max(1, Math.round(bytes / 1024)))} کیلوبایت`;
  return `${toPersianDigits((bytes / (1024 * 1024)).toFixed(1).replace(".", "٫"))} مگابایت`;
}

/**
 * One document of the checklist: a plain file input that works without
 * JavaScript; with it, the chosen file's name and size are shown and a file
 * can be dropped on the box.
 */
export function DocumentInput({
  name,
  label,
  hint,
  required,
  error,
}: {
  name: string;
  label: string;
  hint: string;
  required: boolean;
  error?: string;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ name: string; size: number; previewUrl: string | null } | null>(null);
  const previewRef = useRef<string | null>(null);
  // The preview's object URL is released when replaced and when the form goes away.
  useEffect(() => () => {
    if (previewRef.current) URL.revokeObjectURL(previewRef.current);
  }, []);
  // True once hydrated: only then can a dropped file reach the input.
  const enhanced = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [dragging, setDragging] = useState(false);

  const showChosen = () => {
    const file = inputRef.current?.files?.[0];
    if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    previewRef.current = file && /^image\/(png|jpeg)$/.test(file.type) && file.size <= MAX_DOCUMENT_BYTES ? URL.createObjectURL(file) : null;
    setChosen(file ? { name: file.name, size: file.size, previewUrl: previewRef.current } : null);
  };

  return (
    <div className={`space-y-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>
      <label htmlFor={name} className="block text-lg font-bold">
        {label} <span className={required ? "text-danger" : "font-normal text-muted"}>({required ? "الزامی" : "اختیاری"})</span>
      </label>
      <p id={`${name}-hint`} className="text-muted">
        {hint}
      </p>
      <FieldError field={name} error={error} />
      <div
        className={`space-y-2 rounded border-2 border-dashed p-3 ${dragging ? "border-brand-700 bg-brand-50" : "border-brand-100"}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (inputRef.current && event.dataTransfer.files.length > 0) {
            inputRef.current.files = event.dataTransfer.files;
            showChosen();
          }
        }}
      >
        <input
          ref={inputRef}
          id={name}
          name={name}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${name}-hint`, error ? `${name}-error` : null, `${name}-chosen`].filter(Boolean).join(" ")}
          onChange={showChosen}
          className="block min-h-11 w-full max-w-md text-base file:me-3 file:min-h-11 file:rounded file:border-2 file:border-brand-700 file:bg-white file:px-4 file:font-bold file:text-brand-700"
        />
        {enhanced ? <p className="text-sm text-muted">یا فایل را به این کادر بکشید و رها کنید.</p> : null}
        <p id={`${name}-chosen`} aria-live="polite" className="text-sm">
          {chosen ? (
            <>
              فایل انتخاب‌شده: <bdi>{chosen.name}</bdi> ({formatSize(chosen.size)})
              {chosen.size > MAX_DOCUMENT_BYTES ? <strong className="block text-danger">حجم این فایل بیش از ۵ مگابایت است و پذیرفته نمی‌شود.</strong> : null}
              {chosen.size === 0 ? <strong className="block text-danger">این فایل خالی است و پذیرفته نمی‌شود. فایل دیگری انتخاب کنید.</strong> : null}
              {chosen.previewUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- a local object URL, not an optimisable image
                <img src={chosen.previewUrl} alt={`پیش‌نمایش ${label}`} className="mt-2 block max-h-40 rounded border border-brand-100" />
              ) : null}
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
