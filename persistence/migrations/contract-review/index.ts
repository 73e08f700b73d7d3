import { ContractReviewTables1764500000000 } from './1764500000000-contract-review-tables';
import { PlantCalendar1764700000000 } from './1764700000000-plant-calendar';

/** The contract review pack's migrations, in order. */
export const CONTRACT_REVIEW_MIGRATIONS = [ContractReviewTables1764500000000, PlantCalendar1764700000000];
