/**
 * An email address as staff may see it: the first character of the mailbox and
 * the whole domain, enough to tell a typo in the domain from a full mailbox
 * ("m***@example.com"). Anything without exactly one "@" is fully hidden.
 */
export function maskEmail(address: string): string {
  const at = address.indexOf("@");
  if (at < 1 || at !== address.lastIndexOf("@") || at === address.length - 1) return "***";
  return `${address[0]}***${address.slice(at)}`;
}
