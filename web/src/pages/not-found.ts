import type { Page } from '../router';
import { emptyState, h, link } from '../ui/dom';

const notFound: Page = (root) => {
  root.append(
    h('h1', {}, 'Not found'),
    emptyState('There is no page at this address.'),
    h('p', {}, link('/processes', 'Go to the processes')),
  );
};

export default notFound;
