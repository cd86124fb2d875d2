import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';

export class SupersedeDocumentRequestDto extends ReasonRequestDto {
  @ApiProperty({ example: '7Q2M9XK4PA3', description: 'the code of the document that replaces this one' })
  @IsString()
  @Matches(/^[0-9A-Za-z*~$=-]{11,14}$/, { message: 'by must be a document code' })
  by!: string;
}
