import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflict } from '../common/docket-error';
import { AttributeSlot } from '../requests/entities/attribute-slot.entity';
import { ListSlotAllocator } from '../requests/storage/list-slot-allocator';
import { slotColumns } from '../requests/storage/list-slots';
import { SLOT_KIND_OF_VALUE } from '../requests/storage/value-columns';
import { AttributeDefinition } from './entities/attribute-definition.entity';
import type { ValueType } from './resolution/definitions';
import { VALUE_TYPE_SPECS } from './resolution/value-types';

/** Keeps the request list's typed slot columns in step with the attributes shown as list columns. */
@Injectable()
export class ListColumnService {
  private readonly logger = new Logger(ListColumnService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Refuses up front (409) when no slot of the attribute's kind is free, so the change is not saved at all. */
  async assertFreeSlot(valueType: ValueType): Promise<void> {
    const slotKind = SLOT_KIND_OF_VALUE[VALUE_TYPE_SPECS[valueType].storage];
    if (!slotKind) return;
    const taken = new Set((await this.dataSource.getRepository(AttributeSlot).find()).map((row) => row.slot));
    if (slotColumns(slotKind).every((column) => taken.has(column))) {
      throw conflict('no_free_list_slot', `All ${slotKind} list-column slots are taken; stop showing another ${slotKind} attribute as a column first`, [{ path: 'listColumn', message: 'no free slot' }]);
    }
  }

  /**
   * Called after an attribute's `listColumn` change is committed: takes a slot (and copies existing values
   * into it) or gives it back. Slot assignment runs its own batched transactions, so it cannot share the
   * configuration change's transaction.
   */
  async onListColumnChanged(attributeId: number, listColumn: boolean): Promise<void> {
    const allocator = new ListSlotAllocator(this.dataSource);
    if (!listColumn) return allocator.release(attributeId);
    const attribute = await this.dataSource.getRepository(AttributeDefinition).findOneByOrFail({ id: attributeId });
    try {
      await allocator.assign(attributeId, VALUE_TYPE_SPECS[attribute.valueType].storage);
    } catch (error) {
      // Another administrator took the last slot between assertFreeSlot and now: the attribute stays
      // configured and lists keep reading it from request_values, only without the fast column.
      // The change is committed, so it is not undone here; the next listColumn change retries.
      this.logger.warn(`list column slot for attribute ${attributeId} not assigned: ${(error as Error).message}`);
    }
  }
}
