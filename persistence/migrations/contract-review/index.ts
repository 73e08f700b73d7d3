import { ContractReviewTables1764500000000 } from './1764500000000-contract-review-tables';
import { PlantCalendar1764700000000 } from './1764700000000-plant-calendar';
import { CsrDocumentFiles1764710000000 } from './1764710000000-csr-document-files';
import { LateOrderRules1764720000000 } from './1764720000000-late-order-rules';
import { ChangeNoticeAcknowledgedBy1764730000000 } from './1764730000000-change-notice-acknowledged-by';
import { ContractStageInstances1764800000000 } from './1764800000000-contract-stage-instances';

/** The contract review pack's migrations, in order. */
export const CONTRACT_REVIEW_MIGRATIONS = [
  ContractReviewTables1764500000000,
  PlantCalendar1764700000000,
  CsrDocumentFiles1764710000000,
  LateOrderRules1764720000000,
  ChangeNoticeAcknowledgedBy1764730000000,
  ContractStageInstances1764800000000,
];
