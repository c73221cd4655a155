import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsISO31661Alpha2,
  IsString,
  IsUppercase,
  Length,
  ValidateNested,
} from 'class-validator';
import { ID } from 'type-graphql';
import { CitationInput, PartialDateInput } from './common';
import type { InputField } from './define-inputs';

// Field definitions shared by several inputs.

export const text = (name: string, description: string, max: number, required = false): InputField => ({
  name,
  type: () => String,
  description,
  required,
  validators: [IsString(), Length(1, max)],
});

export const enumField = (name: string, type: object, description: string, required = false): InputField => ({
  name,
  type: () => type,
  description,
  required,
  validators: [IsEnum(type)],
});

export const ref = (name: string, description: string, required = false): InputField => ({
  name,
  type: () => ID,
  description,
  required,
  validators: [IsString()],
});

export const refs = (name: string, description: string): InputField => ({
  name,
  type: () => [ID],
  description,
  validators: [IsArray(), ArrayMaxSize(100), IsString({ each: true })],
});

export const slug: InputField = {
  name: 'slug',
  type: () => String,
  description: 'Stable key; made from the name when left out.',
  validators: [IsString(), Length(1, 160)],
};

export const aliases: InputField = {
  name: 'aliases',
  type: () => [String],
  description: 'Other names and spellings (misspellings included, so search finds them).',
  validators: [IsArray(), ArrayMaxSize(50), IsString({ each: true }), Length(1, 300, { each: true })],
};

export const country = (name: string, description: string): InputField => ({
  name,
  type: () => String,
  description,
  // The validator accepts "fr" too; stored codes are capitals, as ISO writes them and filters compare them.
  validators: [
    IsISO31661Alpha2({ message: `${name} must be an ISO 3166-1 alpha-2 country code, like "FR"` }),
    IsUppercase({ message: `${name} must be in capitals, like "FR"` }),
  ],
});

export const date = (name: string, description: string): InputField => ({
  name,
  type: () => PartialDateInput,
  description,
  validators: [ValidateNested()],
});

export const citations = (required: boolean): InputField => ({
  name: 'citations',
  type: () => [CitationInput],
  description: required ? 'Quotes backing it: at least one.' : 'Quotes backing it (on update: added to those it has).',
  required,
  validators: [IsArray(), ...(required ? [ArrayMinSize(1)] : []), ArrayMaxSize(50), ValidateNested({ each: true })],
});
