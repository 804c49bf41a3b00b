# Import a tenant by id (platform token). Its api_key is null after an import.
terraform import callplane_tenant.globex ten_8c1e5b2a
