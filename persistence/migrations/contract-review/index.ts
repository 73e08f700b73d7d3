import { ContractReviewTables1764500000000 } from './1764500000000-contract-review-tables';

/** The contract review pack's migrations, in order. */
export const CONTRACT_REVIEW_MIGRATIONS = [ContractReviewTables1764500000000];
