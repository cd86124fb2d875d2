import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditEventRowDto } from '../audit-log/audit-event-row.response.dto.js';

export class ActivityUserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], description: 'role@municipality or role@organisation' }) roles!: string[];
  @ApiProperty() disabled!: boolean;
}

export class DayCountDto {
  @ApiProperty({ description: 'Tehran day, Gregorian' }) day!: string;
  @ApiProperty({ description: 'the same day, Jalali' }) dayJalali!: string;
  @ApiProperty() type!: string;
  @ApiProperty() count!: number;
}

export class TouchedFileDto {
  @ApiProperty({ example: 'permit-…' }) stream!: string;
  @ApiProperty() count!: number;
  @ApiProperty() lastAt!: string;
}

export class SignInDto {
  @ApiProperty() time!: string;
  @ApiProperty() success!: boolean;
  @ApiPropertyOptional({ description: 'client address (for bursts, the busiest)' }) address?: string;
  @ApiPropertyOptional({ description: 'why it failed: wrong_password, disabled, throttled …' })
  reason?: string;
  @ApiPropertyOptional({ description: 'refused attempts a throttled burst counted' }) attempts?: number;
}

export class UserActivityDto {
  @ApiProperty({ type: ActivityUserDto }) user!: ActivityUserDto;
  @ApiProperty({ type: [AuditEventRowDto], description: 'their latest events in the caller’s areas' })
  events!: AuditEventRowDto[];
  @ApiPropertyOptional({ description: 'the rest of their events: GET /audit/events?actor=…&cursor=' })
  nextCursor?: string;
  @ApiProperty({ type: [DayCountDto] }) perDay!: DayCountDto[];
  @ApiProperty({ type: [TouchedFileDto] }) files!: TouchedFileDto[];
  @ApiProperty({ type: [SignInDto] }) signIns!: SignInDto[];
}
