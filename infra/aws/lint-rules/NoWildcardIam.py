"""A cfn-lint rule of this project: no wildcard in any IAM statement, checked after the SAM transform.

cfn-lint checks the template as CloudFormation will run it, that is with everything SAM adds (roles, policies), so a
policy that SAM generates cannot slip a '*' past it. Run with: cfn-lint --append-rules infra/aws/lint-rules ...

One exception, and only one: X-Ray's PutTraceSegments and PutTelemetryRecords, which Lambda needs to upload an active
trace, define no resource type, so IAM takes only '*' as their Resource. A statement whose actions are exactly these two
(no more, no other) may name '*'; any other action beside them, or any other wildcard, is still refused.
"""

from cfnlint.rules import CloudFormationLintRule, RuleMatch

# The actions that take no resource but '*' and that this project grants: Lambda's active tracing (Tracing: Active).
RESOURCELESS_ACTIONS = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


class NoWildcardIam(CloudFormationLintRule):
    id = "E9101"
    shortdesc = "No wildcard action or resource in IAM statements"
    description = (
        "Every IAM statement names its actions (no '*', no 'service:*') and its resources (no '*'); "
        "NotAction and NotResource are refused too, since they grant everything else. Only a statement of exactly "
        "xray:PutTraceSegments and xray:PutTelemetryRecords may name the resource '*' (they take no other)."
    )
    tags = ["iam", "least-privilege"]

    def match(self, cfn):
        matches = []
        for path, statement in _statements(cfn.template.get("Resources", {}), ["Resources"]):
            for key in ("NotAction", "NotResource", "NotPrincipal"):
                if key in statement:
                    matches.append(RuleMatch(path + [key], f"{key} grants everything it does not list"))
            for action in _strings(statement.get("Action")):
                if action == "*" or action.endswith(":*"):
                    matches.append(RuleMatch(path + ["Action"], f"wildcard action {action!r}"))
            action = statement.get("Action")
            resourceless = isinstance(action, list) and sorted(action) == sorted(RESOURCELESS_ACTIONS)
            for resource in _strings(statement.get("Resource")):
                if "*" in resource and not (resourceless and resource == "*"):
                    matches.append(RuleMatch(path + ["Resource"], f"wildcard resource {resource!r}"))
        return matches


def _statements(node, path):
    """Every IAM statement anywhere below node: a dict with an Effect and an Action or NotAction."""
    if isinstance(node, dict):
        if "Effect" in node and ("Action" in node or "NotAction" in node):
            yield path, node
        for key, value in node.items():
            yield from _statements(value, path + [key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _statements(value, path + [index])


def _strings(value):
    """The plain strings of an Action or Resource value (intrinsic functions are resolved only at deploy time)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []
