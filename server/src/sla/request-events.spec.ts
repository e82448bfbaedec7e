import { enteredSteps, requestChangeEvents, type RequestFacts } from './request-events';

const open: RequestFacts = { status: 'new', priority: 3, currentSteps: 'triage', isOpen: true };

describe('SLA events of a request change', () => {
  it('reports nothing when nothing the clocks read has changed', () => {
    expect(requestChangeEvents(open, { ...open })).toEqual([]);
  });

  it('leaves old steps first, then priority, status and the steps entered', () => {
    expect(requestChangeEvents(open, { status: 'in_progress', priority: 1, currentSteps: 'repair, approve', isOpen: true })).toEqual([
      { type: 'step_leave', stepId: 'triage' },
      { type: 'priority', priority: 1 },
      { type: 'status', status: 'in_progress', previousStatus: 'new' },
      { type: 'step_enter', stepId: 'repair' },
      { type: 'step_enter', stepId: 'approve' },
    ]);
  });

  it('keeps a step held on a parallel branch and enters only the new one', () => {
    expect(requestChangeEvents({ ...open, currentSteps: 'a,b' }, { ...open, currentSteps: 'b,c' })).toEqual([
      { type: 'step_leave', stepId: 'a' },
      { type: 'step_enter', stepId: 'c' },
    ]);
  });

  it('stops every clock when the request closes, after the status event', () => {
    expect(requestChangeEvents(open, { status: 'closed', priority: 3, currentSteps: null, isOpen: false })).toEqual([
      { type: 'step_leave', stepId: 'triage' },
      { type: 'status', status: 'closed', previousStatus: 'new' },
      { type: 'stop', reason: 'request closed' },
    ]);
  });

  it('enters the steps a new request starts at', () => {
    expect(enteredSteps({ currentSteps: null })).toEqual([]);
    expect(enteredSteps({ currentSteps: 'triage' })).toEqual([{ type: 'step_enter', stepId: 'triage' }]);
  });
});
