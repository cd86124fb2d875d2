import { ApiPropertyOptional } from '@nestjs/swagger';

/** The `trackingNumber` of a response about a file; files opened before numbers were given have none. */
export const ApiTrackingNumber = () =>
  ApiPropertyOptional({
    description: 'the tracking number (کد رهگیری); absent on files opened before tracking numbers',
    example: '8923697879',
    pattern: '^[1-9][0-9]{9}$',
  });
