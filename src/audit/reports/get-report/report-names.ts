/** The fields of report rows that name a user, and the field their display name goes in. */
const NAMED_FIELDS = {
  clerkId: 'clerkName',
  actorId: 'actorName',
  holderId: 'holderName',
  userId: 'displayName',
} as const;

/** The user ids a report's rows name. */
export function userIdsIn(rows: readonly object[]): string[] {
  return rows.flatMap((row) =>
    Object.keys(NAMED_FIELDS)
      .map((field) => (row as Record<string, unknown>)[field])
      .filter((id): id is string => typeof id === 'string'),
  );
}

/** The rows with the display name beside each user id the names know. */
export function withNames(rows: readonly object[], names: ReadonlyMap<string, string>): object[] {
  return rows.map((row) => {
    const added: Record<string, string> = {};
    for (const [idField, nameField] of Object.entries(NAMED_FIELDS)) {
      const name = names.get((row as Record<string, unknown>)[idField] as string);
      if (name !== undefined) added[nameField] = name;
    }
    return { ...row, ...added };
  });
}
