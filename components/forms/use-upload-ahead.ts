"use client";

import { useCallback, useRef, useState, type FormEvent } from "react";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";

export type UploadProgress = { loaded: number; total: number };


/** One file to `url` with upload progress; the token it gets back, or null (the form then sends the file itself). */
function send(url: string, file: File, onProgress: (loaded: number) => void): Promise<string | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.loaded > file.size ? file.size : event.loaded);
    xhr.onload = () => {
      const token = xhr.status === 201 && xhr.response && typeof xhr.response.token === "string" ? (xhr.response.token as string) : null;
      resolve(token);
    };
    xhr.onerror = () => resolve(null);
    xhr.onabort = () => resolve(null);
    const body = new FormData();
    body.append("file", file);
    xhr.send(body);
  });
}

/**
 * With JavaScript, a form's files are sent one by one before the form itself,
 * so the person sees real progress on a slow line; each file's input is then
 * replaced by the token the server returned (`<name>__staged`) and the form is
 * submitted as usual. A file that could not be sent ahead stays in its input
 * and goes with the form, which then names any problem beside it. Without
 * JavaScript none of this runs and the files go with the form.
 */
export function useUploadAhead(url: string | undefined) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const busy = useRef(false);
  const resubmitting = useRef(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!url) return;
    if (resubmitting.current) {
      resubmitting.current = false;
      return;
    }
    if (busy.current) {
      event.preventDefault();
      return;
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name === "edit") return;
    const form = event.currentTarget;
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input[type="file"]')].filter((input) => {
      const file = input.files?.[0];
      return file && file.size > 0 && file.size <= MAX_DOCUMENT_BYTES;
    });
    if (inputs.length === 0) return;
    event.preventDefault();
    busy.current = true;
    const total = inputs.reduce((sum, input) => sum + input.files![0]!.size, 0);
    void (async () => {
      let done = 0;
      setProgress({ loaded: 0, total });
      for (const input of inputs) {
        const file = input.files![0]!;
        const token = await send(url, file, (loaded) => setProgress({ loaded: done + loaded, total }));
        done += file.size;
        setProgress({ loaded: done, total });
        if (!token) continue;
        const name = `${input.name}__staged`;
        let hidden = form.querySelector<HTMLInputElement>(`input[type="hidden"][name="${name}"]`);
        if (!hidden) {
          hidden = document.createElement("input");
          hidden.type = "hidden";
          hidden.name = name;
          form.append(hidden);
        }
        hidden.value = token;
        input.value = "";
      }
      busy.current = false;
      resubmitting.current = true;
      form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
    })();
  };

  const reset = useCallback(() => setProgress(null), []);
  return { progress, onSubmit, reset };
}
