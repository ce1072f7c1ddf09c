/** The person «ثبت حضوری» files for, as found in its step 1 and carried in the form page's address. */
export type OnBehalfPerson = { nationalId: string; birthDate: string; mobile: string | null };

/** `/staff/file-on-behalf/<national ID>?born=YYYYMMDD[&mobile=09…]`: the page and its action look the person up again. */
export function onBehalfPath({ nationalId, birthDate, mobile }: OnBehalfPerson): string {
  const query = new URLSearchParams({ born: birthDate.replaceAll("/", "") });
  if (mobile) query.set("mobile", mobile);
  return `/staff/file-on-behalf/${nationalId}?${query}`;
}

/** The person of a page address, or null when it is not one onBehalfPath writes. */
export function onBehalfPerson(nationalId: string, search: { born?: string | string[]; mobile?: string | string[] }): OnBehalfPerson | null {
  const born = typeof search.born === "string" ? /^(\d{4})(\d{2})(\d{2})$/.exec(search.born) : null;
  if (!born || !/^\d{10}$/.test(nationalId)) return null;
  const mobile = typeof search.mobile === "string" && /^09\d{9}$/.test(search.mobile) ? search.mobile : null;
  if (search.mobile !== undefined && !mobile) return null;
  return { nationalId, birthDate: `${born[1]}/${born[2]}/${born[3]}`, mobile };
}
