import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';

export const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
export const CODE_MESSAGE = 'a code starts with a letter and contains letters, digits and _ . - only';

/**
 * Applies decorators as if written one above the other over the property: the bottom one first. class-validator
 * reports a field's failed constraints in the order they were applied, so this keeps error details in the
 * order the hand-written stacks gave.
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** A configuration code: unique, stable, referenced by rules and exports. `documented` adds to its OpenAPI entry. */
export const CodeField = (example: string, documented: ApiPropertyOptions = {}) =>
  stacked(ApiProperty({ example, ...documented }), IsString(), Length(1, 64), Matches(CODE_PATTERN, { message: CODE_MESSAGE }));

/** The display name every configuration record has. */
export const NameField = (example?: string) => stacked(ApiProperty(example === undefined ? {} : { example }), IsString(), Length(1, 200));

/** Free text a client may leave out; `nullable` when it may also be cleared with null. */
export const OptionalTextField = (maxLength: number, { nullable = false } = {}) =>
  stacked(nullable ? ApiPropertyOptional({ type: String, nullable: true }) : ApiPropertyOptional(), IsOptional(), IsString(), MaxLength(maxLength));

export const ActiveField = () => stacked(ApiPropertyOptional(), IsOptional(), IsBoolean());

/** Place in a manually ordered list, from 0. */
export const PositionField = () => stacked(ApiPropertyOptional(), IsOptional(), IsInt(), Min(0));

export interface IdListOptions {
  description?: string;
  optional?: boolean;
  minSize?: number;
}

/** A list of record ids, at most `maxSize` of them. */
export function IdListField(maxSize: number, { description, optional = false, minSize }: IdListOptions = {}): PropertyDecorator {
  const documented: ApiPropertyOptions = description === undefined ? { type: [Number] } : { type: [Number], description };
  return stacked(
    ...(optional ? [ApiPropertyOptional(documented), IsOptional()] : [ApiProperty(documented)]),
    IsArray(),
    ...(minSize === undefined ? [] : [ArrayMinSize(minSize)]),
    ArrayMaxSize(maxSize),
    IsInt({ each: true }),
  );
}

/** Query strings carry booleans as "true" / "false"; anything else is left for the validator to refuse. */
export const BooleanQuery = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** The one-line subject of a request or problem: plain text, tags removed by the service. */
export const SubjectField = () => stacked(ApiProperty({ description: 'plain text; tags are removed' }), IsString(), Length(1, 500));

/** Rich text a client may leave out: HTML, sanitised by the service. */
export const RichTextField = (maxLength: number) => stacked(ApiPropertyOptional({ description: 'rich text (HTML), sanitised' }), IsOptional(), IsString(), MaxLength(maxLength));
