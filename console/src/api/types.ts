/**
 * What crosses HTTP, taken from the server's own DTO and entity types (type-only imports, erased from the
 * bundle) so the console never hand-copies a shape. `Wire<T>` is T after JSON: dates arrive as strings.
 */
import type { AuditEntry } from '../../../server/src/audit/audit-entry.entity';
import type { SignedInView, UserView } from '../../../server/src/auth/dto/user.view';
import type { Role } from '../../../server/src/auth/entities/role.entity';
import type { CreateRoleDto, PermissionView } from '../../../server/src/auth/roles/roles.dto';
import type { CreateTokenDto, IssuedTokenView, TokenView } from '../../../server/src/auth/tokens/tokens.dto';
import type { CreateUserDto, UpdateUserDto } from '../../../server/src/auth/users/users.dto';
import type { CreateWorkgroupDto } from '../../../server/src/auth/workgroups/workgroups.dto';
import type { WorkgroupView } from '../../../server/src/auth/workgroups/workgroups.service';
import type { ErrorDetail } from '../../../server/src/common/docket-error';
import type { Page as ServerPage } from '../../../server/src/common/paging';
import type { CreateQueueDto, QueuePeopleDto } from '../../../server/src/queues/queues.dto';
import type { CreateRouteDto } from '../../../server/src/routes/dto/route.dto';
import type { SimulateDto } from '../../../server/src/routes/dto/version.dto';
import type { SavedDraft, VersionSummary, VersionView } from '../../../server/src/routes/route-versions.service';
import type { RouteView } from '../../../server/src/routes/routes.service';
import type { RouteValidation, SimulationReport } from '../../../workflows/index';
import type { QueueView } from '../../../server/src/queues/queues.service';
import type { AttributeGroupView, CreateAttributeGroupDto } from '../../../server/src/topics/dto/attribute-group.dto';
import type { AttributeView, CreateAttributeDto } from '../../../server/src/topics/dto/attribute.dto';
import type { BindingView, CreateBindingDto } from '../../../server/src/topics/dto/binding.dto';
import type { ResolveTopicDto } from '../../../server/src/topics/dto/resolve.dto';
import type { CreateTopicNodeDto, TopicNodeView } from '../../../server/src/topics/dto/topic-node.dto';
import type { FormView } from '../../../server/src/topics/forms.service';
import type { DefaultSetting, FlagName, FlagSetting, ValueType } from '../../../server/src/topics/resolution/definitions';
import type { ExplanationLayer, FlagExplanation, LayerSource, ResolvedAttribute } from '../../../server/src/topics/resolution/resolved';

export type Wire<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type Page<T> = Wire<ServerPage<T>>;
export type User = Wire<UserView>;
export type Session = Wire<SignedInView>;
export type UserInput = CreateUserDto;
export type UserChanges = UpdateUserDto;
export type RoleRecord = Wire<Role>;
export type RoleInput = CreateRoleDto;
export type PermissionEntry = PermissionView;
export type Workgroup = Wire<WorkgroupView>;
export type WorkgroupInput = CreateWorkgroupDto;
export type ApiToken = Wire<TokenView>;
export type IssuedToken = Wire<IssuedTokenView>;
export type TokenInput = CreateTokenDto;
export type AuditRecord = Wire<AuditEntry>;
export type { ErrorDetail };
export type TopicNode = TopicNodeView;
export type TopicNodeInput = CreateTopicNodeDto;
export type Attribute = Wire<AttributeView>;
export type AttributeInput = CreateAttributeDto;
export type AttributeGroup = AttributeGroupView;
export type AttributeGroupInput = CreateAttributeGroupDto;
export type Binding = Wire<BindingView>;
export type BindingInput = CreateBindingDto;
export type ResolveInput = ResolveTopicDto;
export type ResolvedForm = Wire<FormView>;
export type ResolvedField = Wire<ResolvedAttribute>;
export type { DefaultSetting, ExplanationLayer, FlagExplanation, FlagName, FlagSetting, LayerSource, ValueType };
export type Queue = Wire<QueueView>;
export type QueueInput = CreateQueueDto;
export type QueuePeople = QueuePeopleDto;
export type RouteSummary = Wire<RouteView>;
export type RouteInput = CreateRouteDto;
export type RouteVersionSummary = Wire<VersionSummary>;
export type RouteVersion = Wire<VersionView>;
export type RouteDraft = Wire<SavedDraft>;
export type RouteCheck = RouteValidation;
export type SimulationInput = SimulateDto;
export type Simulation = Wire<SimulationReport>;
