import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, Matches, Max, Min } from 'class-validator';

export class SubmitDesignRequestDto {
  @ApiProperty({ example: 4 })
  @IsInt()
  @Min(1)
  @Max(200)
  floors!: number;

  @ApiProperty({ example: [150, 150, 150, 150], description: 'm² per floor, from the lowest' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsNumber({ maxDecimalPlaces: 2 }, { each: true })
  floorAreasM2!: number[];

  @ApiProperty({ example: 8 })
  @IsInt()
  @Min(1)
  units!: number;

  @ApiProperty({ example: 'residential' })
  @Matches(/^[a-z][a-z_]{1,31}$/)
  use!: string;

  @ApiProperty({ example: 8 })
  @IsInt()
  @Min(0)
  parkingSpaces!: number;

  @ApiProperty({ example: 150 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  groundCoverageM2!: number;

  @ApiProperty({ example: 3 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  setbackM!: number;
}
