const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive in URLs and forms; anything not shaped like a UUID is refused before it reaches the database. */
export const isUuid = (value: string): boolean => UUID.test(value);
