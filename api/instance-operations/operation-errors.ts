import { OperationError } from '../../activities/operations/instance-operator';
import { DomainError } from '../errors/domain-error';

/** An operation's refusal in the API's error shape (400 names the element in message and details). */
export async function asDomainErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof OperationError)
      throw new DomainError(error.kind, error.code, error.message, error.details);
    throw error;
  }
}
