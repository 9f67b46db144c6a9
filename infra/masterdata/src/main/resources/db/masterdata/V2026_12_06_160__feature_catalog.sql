-- The feature catalog (management model feature_access): what plans enable and limit. code is the stable key that
-- plans and the enforcing code refer to; the id is derived from it, so it agrees in both services. These rows are
-- the features Alter8 enforces where they are used; admins add more (source 'admin'), which plans may then name.
CREATE TABLE master_feature (
    code        VARCHAR(64)  PRIMARY KEY,
    id          UUID         NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    description TEXT,
    category    VARCHAR(50)  NOT NULL,
    source      VARCHAR(10)  NOT NULL DEFAULT 'master' CHECK (source IN ('master', 'admin'))
);

INSERT INTO master_feature (code, id, name, description, category) VALUES
    ('properties', md5('feature:properties')::uuid, 'Properties',
     'Properties an owner has registered', 'portfolio'),
    ('units', md5('feature:units')::uuid, 'Units',
     'Units of the properties an owner has', 'portfolio'),
    ('verification_requests', md5('feature:verification_requests')::uuid, 'Verification requests',
     'Requests for property verification visits per calendar month', 'verification'),
    ('leases_in_force', md5('feature:leases_in_force')::uuid, 'Leases in force',
     'Leases of an owner''s properties being put into force or in force', 'leasing'),
    ('hud_programmes', md5('feature:hud_programmes')::uuid, 'HUD programmes',
     'Recording HUD programme approvals on properties', 'compliance'),
    ('api_access', md5('feature:api_access')::uuid, 'API access',
     'Access to the API for integrations', 'integration');
