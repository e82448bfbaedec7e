import { IdListField } from './dto-fields';

/** The body of a catalog's "put in this order" call (dictionaries, their items, intake lists). */
export class ReorderDto {
  @IdListField(5000, { minSize: 1, description: 'ids in their new order; positions become 0, 1, 2, …' })
  ids!: number[];
}
