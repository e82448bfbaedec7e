import { DictionaryItem } from './dictionary-item.entity';
import { Dictionary } from './dictionary.entity';
import { DynamicQuery } from './dynamic-query.entity';
import { ExternalDictionaryItem } from './external-dictionary-item.entity';
import { ExternalDictionary } from './external-dictionary.entity';

/** Every entity of the dictionaries module, for its module and server/src/database/entities.ts. */
export const DICTIONARY_ENTITIES = [Dictionary, DictionaryItem, ExternalDictionary, ExternalDictionaryItem, DynamicQuery];
