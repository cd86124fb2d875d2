/** Everything an API key can be allowed to do; endpoints name one with `@Roles([...], { permission })`. */
export const API_KEY_PERMISSIONS = ['inquiries:file', 'inquiries:read', 'feed:read'] as const;
export type ApiKeyPermission = (typeof API_KEY_PERMISSIONS)[number];

export function isApiKeyPermission(value: string): value is ApiKeyPermission {
  return (API_KEY_PERMISSIONS as readonly string[]).includes(value);
}
