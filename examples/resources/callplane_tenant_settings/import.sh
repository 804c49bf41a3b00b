# Import the tenant's settings by the tenant id.
terraform import callplane_tenant_settings.this ten_4a7c1e9b
