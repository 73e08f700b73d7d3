import type { Page } from '../router';
import { emptyState, h, link } from '../ui/dom';
import { t } from '../i18n';

const notFound: Page = (root) => {
  root.append(
    h('h1', {}, t('notFound.title')),
    emptyState(t('notFound.empty')),
    h('p', {}, link('/processes', t('notFound.home'))),
  );
};

export default notFound;
