import { ApiHeader } from '@nestjs/swagger';
import { MAX_PURPOSE_LENGTH } from './record-access.decider.js';

/** On endpoints that read citizens' data: why the reader reads, for the citizen's access log. */
export const ApiPurposeHeader = () =>
  ApiHeader({
    name: 'Daftar-Purpose',
    required: false,
    description:
      `why you read this citizen's data, shown in their access log (GET /me/access-log); 1 to ` +
      `${MAX_PURPOSE_LENGTH} printable characters, Persian percent-encoded as UTF-8; else ` +
      'AUDIT.INVALID_PURPOSE (400). Omitted: the endpoint’s own use (for example "permit file review")',
  });
