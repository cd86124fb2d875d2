import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ParcelOwnerDto } from '../parcel.dto.js';
import { ParcelCommandRequestDto } from '../parcel-command.request.dto.js';

export class ChangeOwnershipRequestDto extends ParcelCommandRequestDto {
  @ApiProperty({ type: [ParcelOwnerDto], description: 'every owner after the change' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ParcelOwnerDto)
  owners!: ParcelOwnerDto[];

  @ApiProperty({ example: 'deed 4512 of notary office 12', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
