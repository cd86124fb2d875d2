import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { DomainError } from '../../shared/domain-error.js';
import { DASHBOARD_CSP, loadDashboardAssets, type DashboardAsset } from './dashboard-assets.js';

/**
 * The oversight dashboard (داشبورد نظارت). The page and its scripts are public and hold no data: the
 * data comes from the audit API with the token the page's sign-in form obtains.
 */
@ApiTags('oversight')
@Controller('oversight')
export class OversightDashboardHttpController {
  private readonly files = loadDashboardAssets();

  @Get()
  @Public()
  @ApiOperation({ summary: 'The oversight dashboard: a Persian page that signs in and draws the reports' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'an HTML page' })
  oversightDashboard(@Res({ passthrough: true }) reply: FastifyReply): string {
    return send(reply, this.files.page, 'no-cache');
  }

  @Get('assets/:file')
  @Public()
  @ApiOperation({ summary: 'A script, style sheet or label table of the oversight dashboard' })
  @ApiProduces('text/javascript', 'text/css', 'application/json')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'the file' })
  @ApiNotFoundResponse({ description: 'OVERSIGHT.ASSET_NOT_FOUND' })
  oversightDashboardAsset(
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const asset = this.files.assets.get(file);
    if (!asset)
      throw new DomainError('OVERSIGHT.ASSET_NOT_FOUND', 'The dashboard has no such file', 'not_found', {
        file,
      });
    return send(reply, asset, 'public, max-age=3600');
  }
}

function send(reply: FastifyReply, asset: DashboardAsset, cacheControl: string): string {
  void reply
    .type(asset.contentType)
    .header('cache-control', cacheControl)
    .header('content-security-policy', DASHBOARD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer');
  return asset.body;
}
