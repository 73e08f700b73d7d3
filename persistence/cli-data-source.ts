// The data source the TypeORM CLI uses (npm run migration:generate|run), configured from the environment.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';

export default new DataSource(dataSourceOptions(loadConfig().database));
