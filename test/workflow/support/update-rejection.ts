/** What a completeTask / retryIncident Update refused by its validator looks like to the client: the refusal code is the failure type. */
export const rejectedWith = (code: RegExp) => ({
  name: 'WorkflowUpdateFailedError',
  cause: expect.objectContaining({ type: expect.stringMatching(code) }),
});
