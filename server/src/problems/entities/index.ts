import { RequestRating } from '../../requests/closure/request-rating.entity';
import { Problem } from './problem.entity';
import { ProblemCounter } from './problem-counter.entity';
import { RequestProblemLink } from './request-problem-link.entity';

/** Closure ratings, problems and their links to requests (migration 1764500004000). */
export const CLOSURE_PROBLEM_ENTITIES = [RequestRating, Problem, ProblemCounter, RequestProblemLink];

export { Problem, ProblemCounter, RequestProblemLink, RequestRating };
