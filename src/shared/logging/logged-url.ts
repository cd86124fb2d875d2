/** Query parameters that carry a person's identifiers: their values never reach a log line. */
const PERSONAL_QUERY_PARAMETERS = new Set(['nationalid', 'mobile', 'citizen', 'phone']);

/**
 * The URL as a log line shows it: `?nationalId=0013542419` becomes `?nationalId=[redacted]`, other
 * parameters stay as sent. Logs are kept longer and read by more people than the audit log.
 */
export function loggedUrl(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const parameters = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && PERSONAL_QUERY_PARAMETERS.has(decodedName(name).toLowerCase())
        ? `${name}=[redacted]`
        : pair;
    });
  return `${url.slice(0, query)}?${parameters.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
