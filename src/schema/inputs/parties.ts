import { LocationKind, PublicBodyKind, Sector } from '../enums';
import { defineInputs } from './define-inputs';
import { aliases, citations, country, enumField, ref, slug, text } from './fields';

export const PublicBodyInputs = defineInputs(
  'PublicBody',
  [
    text('name', 'Canonical name, correctly spelled.', 300, true),
    slug,
    aliases,
    enumField('kind', PublicBodyKind, 'What kind of body.', true),
    enumField('sector', Sector, 'Local or central government.', true),
    ref('parent', 'The PublicBody it is part of.'),
    text('description', 'A short description, in your words.', 2000),
    citations(false),
  ],
  'public body',
);

export const SupplierInputs = defineInputs(
  'Supplier',
  [
    text('name', 'Canonical name, correctly spelled.', 300, true),
    slug,
    aliases,
    ref('parent', 'The Supplier that owns it.'),
    country('homeCountry', 'Home country, ISO 3166-1 alpha-2 ("FR").'),
    text('description', 'A short description, in your words.', 2000),
    citations(false),
  ],
  'supplier',
);

export const UnionInputs = defineInputs(
  'Union',
  [
    text('name', 'Canonical name.', 300, true),
    slug,
    text('acronym', 'The acronym it is known by.', 40),
    aliases,
    text('description', 'A short description, in your words.', 2000),
    citations(false),
  ],
  'trade union',
);

export const OffshoreLocationInputs = defineInputs(
  'OffshoreLocation',
  [
    text('name', 'Name of the country or region.', 200, true),
    slug,
    enumField('kind', LocationKind, 'Country or region.', true),
    country('countryCode', 'ISO 3166-1 alpha-2 code: required for a country, refused for a region.'),
    aliases,
    citations(false),
  ],
  'offshore location',
);

export const PersonInputs = defineInputs(
  'Person',
  [text('name', 'Name as the sources give it.', 200, true), slug, aliases, citations(false)],
  'person',
);

export const PersonRoleInputs = defineInputs(
  'PersonRole',
  [
    ref('person', 'The Person holding the role.', true),
    text('title', "The title in the source's words.", 300, true),
    ref('publicBody', 'The PublicBody the role is in.'),
    ref('union', 'The Union the role is in.'),
    ref('supplier', 'The Supplier the role is in.'),
    citations(true),
  ],
  'role a person holds',
);
