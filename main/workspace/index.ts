export { createCompanyService, type CompanyService } from './company-service';
