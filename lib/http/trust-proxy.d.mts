export type TrustFunction = (address: string, hop: number) => boolean;
export function parseTrustProxy(value: string | undefined): { trust: TrustFunction; description: string };
export function applyTrustedProxy(
  request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trust: TrustFunction,
): void;
export function markClientAddressResolved(): void;
export function isClientAddressResolved(): boolean;
