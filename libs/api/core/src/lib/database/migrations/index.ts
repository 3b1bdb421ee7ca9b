import type { MigrationInterface } from 'typeorm';
import { CreateUsers1795740000000 } from './1795740000000-CreateUsers';
import { CreateBookingTables1795750000000 } from './1795750000000-CreateBookingTables';
import { CreateCheckInsAndNotifications1795760000000 } from './1795760000000-CreateCheckInsAndNotifications';
import { AddListIndexes1795770000000 } from './1795770000000-AddListIndexes';
import { DurableDelivery1795780000000 } from './1795780000000-DurableDelivery';
import { TokenVersion1795790000000 } from './1795790000000-TokenVersion';
import { RepairTimeZones1795800000000 } from './1795800000000-RepairTimeZones';
import { Waitlist1795810000000 } from './1795810000000-Waitlist';
import { Identity1795820000000 } from './1795820000000-Identity';
import { Outcomes1795830000000 } from './1795830000000-Outcomes';
import { StartRules1795840000000 } from './1795840000000-StartRules';
import { Proposals1795850000000 } from './1795850000000-Proposals';
import { PlacementDates1795860000000 } from './1795860000000-PlacementDates';
import { FiguresVersion1795870000000 } from './1795870000000-FiguresVersion';
import { OpenCheckInChanges1795880000000 } from './1795880000000-OpenCheckInChanges';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  CreateUsers1795740000000,
  CreateBookingTables1795750000000,
  CreateCheckInsAndNotifications1795760000000,
  AddListIndexes1795770000000,
  DurableDelivery1795780000000,
  TokenVersion1795790000000,
  RepairTimeZones1795800000000,
  Waitlist1795810000000,
  Identity1795820000000,
  Outcomes1795830000000,
  StartRules1795840000000,
  Proposals1795850000000,
  PlacementDates1795860000000,
  FiguresVersion1795870000000,
  OpenCheckInChanges1795880000000,
];
