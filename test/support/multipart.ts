export type MultipartPart =
  { name: string; value: string } | { name: string; fileName: string; content: Buffer };
export const MULTIPART_BOUNDARY = '----daftar-test-boundary-7Q2M9XK4';
export const MULTIPART_CONTENT_TYPE = `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`;

/** A multipart/form-data body written out by hand, as a browser would send it. */
export function multipart(parts: readonly MultipartPart[], { close = true } = {}): Buffer {
  const chunks = parts.flatMap((part) =>
    'value' in part
      ? [
          `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
        ]
      : [
          `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
          part.content,
          '\r\n',
        ],
  );
  if (close) chunks.push(`--${MULTIPART_BOUNDARY}--\r\n`);
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}
